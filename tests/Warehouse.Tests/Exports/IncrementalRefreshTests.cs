using System.Globalization;
using System.Text.Json.Nodes;
using Warehouse.Catalogue;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Issue 13, observation 10: every exposed entity carries <c>updatedAt</c> (UTC, set by the generator and by the
/// database on insert and update), filterable and sortable like any field, through the graph and every feed.
/// Expected rows come from plain SQL over <c>updated_at</c>; thresholds are compared as instants in C#, not as
/// text, so a representation that sorted wrongly as text would show.
/// </summary>
public sealed class IncrementalRefreshTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] Roles = ["county", "township", "village"];

    /// <summary>Every household's (id, updated_at) read by SQL, the time parsed as a UTC instant.</summary>
    private List<(string Id, DateTime At, string Township, string Village)> Households() =>
        [.. Sql.Strings(fixture.App.Database, "SELECT household_id || '|' || updated_at || '|' || township_code || '|' || village_code FROM household")
            .Select(l => l.Split('|'))
            .Select(p => (p[0], DateTime.ParseExact(p[1], "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), p[2], p[3]))];

    /// <summary>An export's where: updatedAt ≥ the given text.</summary>
    private static string Since(string time) => "{\"updatedAt\":{\"gte\":\"" + time + "\"}}";

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Thresholds across the whole range: the earliest and latest times, quantiles, and one between two rows.</summary>
    private static List<DateTime> Thresholds(List<DateTime> times)
    {
        var sorted = times.Order().ToList();
        var picks = new[] { 0.0, 0.1, 0.5, 0.9, 1.0 }.Select(q => sorted[(int)Math.Round(q * (sorted.Count - 1))]).ToList();
        picks.Add(sorted[sorted.Count / 3].AddMilliseconds(1));
        picks.Add(sorted[^1].AddDays(1));
        return picks;
    }

    [Fact]
    public void The_generator_spreads_times_over_the_months_before_the_reference_date()
    {
        var reference = TestDatabase.ReferenceDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var entity in WarehouseCatalogue.Default.Entities.Where(e => e.Exposed))
        {
            var view = "api_" + entity.View;
            Assert.Equal(0,
                Sql.Scalar(fixture.App.Database,
                $"SELECT COUNT(*) FROM {view} WHERE updated_at IS NULL OR updated_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] " +
                $"[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]'"));
            var max = Sql.Text(fixture.App.Database, $"SELECT MAX(updated_at) FROM {view}")!;
            Assert.True(DateTime.Parse(max, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) < reference,
                $"{view}: {max} is not before {reference:O}");
        }
        var times = Households().Select(h => h.At).ToList();
        var months = times.Select(t => (t.Year, t.Month)).Distinct().Count();
        Assert.True(months >= 12, $"household times fall in {months} months only");
        Assert.True(times.Count(t => t > reference.AddDays(-90)) > times.Count / 4, "most changes should be recent");
    }

    [Theory]
    [InlineData("gte")]
    [InlineData("lt")]
    [InlineData("gt")]
    [InlineData("lte")]
    public async Task Graph_filter_on_updatedAt_selects_what_sql_selects_across_the_whole_range(string op)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var households = Households();
        foreach (var threshold in Thresholds([.. households.Select(h => h.At)]))
        {
            var expected = households.Where(h => op switch
            {
                "gte" => h.At >= threshold,
                "gt" => h.At > threshold,
                "lt" => h.At < threshold,
                _ => h.At <= threshold,
            }).Select(h => h.Id).Order(StringComparer.Ordinal).ToList();
            var ids = await AllIds(client, $"updatedAt: {{{op}: \"{Iso(threshold)}\"}}");
            Assert.True(expected.SequenceEqual(ids), $"{op} {Iso(threshold)}: expected {expected.Count} rows, got {ids.Count}");
        }
    }

    [Fact]
    public async Task A_window_like_power_bi_range_start_and_end_partitions_the_rows()
    {
        // RangeStart <= updatedAt < RangeEnd over consecutive windows: every row in exactly one window.
        var client = fixture.App.ClientFor("county", fixture.County);
        var households = Households();
        var first = households.Min(h => h.At).Date;
        var last = households.Max(h => h.At).Date.AddDays(1);
        var bounds = Enumerable.Range(0, 5).Select(i => first.AddTicks((last - first).Ticks / 4 * i)).ToList();
        bounds[^1] = last;
        var seen = new List<string>();
        for (var i = 0; i < bounds.Count - 1; i++)
        {
            var ids = await AllIds(client, $"updatedAt: {{gte: \"{Iso(bounds[i])}\", lt: \"{Iso(bounds[i + 1])}\"}}");
            var expected = households.Where(h => h.At >= bounds[i] && h.At < bounds[i + 1]).Select(h => h.Id).Order(StringComparer.Ordinal);
            Assert.Equal(expected, ids);
            seen.AddRange(ids);
        }
        Assert.Equal(households.Count, seen.Count);
        Assert.Equal(households.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_value_is_the_stored_instant_in_utc_with_z_for_every_role_and_entity()
    {
        foreach (var role in Roles)
        {
            var region = role switch { "county" => fixture.County, "township" => fixture.Township, _ => fixture.Village };
            var client = fixture.App.ClientFor(role, region);
            var data = await WarehouseApp.DataAsync(client, "{ households(first: 20, order: [{id: ASC}]) { nodes { id updatedAt } } }");
            foreach (var node in data["households"]!["nodes"]!.AsArray())
            {
                var text = node!["updatedAt"]!.GetValue<string>();
                Assert.EndsWith("Z", text, StringComparison.Ordinal);
                var stored = Sql.Text(fixture.App.Database, "SELECT updated_at FROM household WHERE household_id = @id",
                    ("@id", node["id"]!.GetValue<string>()))!;
                Assert.Equal(DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
            }
            // Every exposed entity has the field for every role, readable and filterable.
            foreach (var entity in WarehouseCatalogue.Default.Entities.Where(e => e.Exposed))
            {
                var body = await WarehouseApp.PostAsync(client,
                    $"{{ {entity.ListField}(first: 1, where: {{updatedAt: {{lt: \"2100-01-01T00:00:00Z\"}}}}, order: [{{updatedAt: DESC}}]) " +
                        $"{{ nodes {{ updatedAt }} }} }}");
                Assert.True(body["errors"] is null, $"{role} {entity.ListField}: {body["errors"]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task A_township_filtering_on_updatedAt_sees_its_own_rows_only()
    {
        var client = fixture.App.ClientFor("township", fixture.Township);
        var households = Households();
        var threshold = Thresholds([.. households.Select(h => h.At)])[2];
        var expected = households.Where(h => h.Township == fixture.Township && h.At >= threshold).Select(h => h.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(households, h => h.Township != fixture.Township && h.At >= threshold);
        Assert.Equal(expected, await AllIds(client, $"updatedAt: {{gte: \"{Iso(threshold)}\"}}"));
        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", "id,updatedAt", where: Since(Iso(threshold))));
        Assert.Equal(expected, csv.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("yesterday")]
    [InlineData("2025-06-01T00:00:00.0001Z")]
    [InlineData("2025-13-01T00:00:00Z")]
    public async Task A_date_without_a_time_or_a_time_finer_than_a_millisecond_is_refused(string value)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var body = await WarehouseApp.PostAsync(client, "query($t: DateTime) { households(first: 1, where: {updatedAt: {gte: $t}}) { nodes { id } } }",
            new { t = value }, expectStatus: null);
        Assert.NotNull(body["errors"]);
        Assert.Null(body["data"]?["households"]?["nodes"]);
        var export = await ExportHttp.GetAsync(client, ExportHttp.Url("households.jsonl", "id", where: Since(value)));
        Assert.Equal(400, export.Status);
        Assert.Contains("updatedAt", export.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_without_a_zone_is_utc_and_an_offset_is_converted_in_the_graph_and_in_exports()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var households = Households();
        var threshold = Thresholds([.. households.Select(h => h.At)])[2];
        var expected = households.Count(h => h.At >= threshold);
        var local = threshold.AddHours(8).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+08:00";
        var bare = threshold.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        foreach (var text in new[] { Iso(threshold), local, bare })
        {
            Assert.Equal(expected, (await AllIds(client, $"updatedAt: {{gte: \"{text}\"}}")).Count);
            var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", "id", where: Since(text)));
            Assert.Equal(expected, csv.Count - 1);
        }
    }

    [Fact]
    public async Task Csv_jsonl_and_parquet_filter_and_order_on_updatedAt_like_sql()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var households = Households();
        var threshold = Thresholds([.. households.Select(h => h.At)])[3];
        var expected = households.Where(h => h.At >= threshold).OrderByDescending(h => h.At).ThenBy(h => h.Id, StringComparer.Ordinal).ToList();
        Assert.InRange(expected.Count, 50, households.Count - 50);
        var where = Since(Iso(threshold));
        const string order = """[{"updatedAt":"DESC"},{"id":"ASC"}]""";

        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", "id,updatedAt", where, order));
        Assert.Equal(["id", "updatedAt"], csv[0]);
        Assert.Equal(expected.Select(h => h.Id + "|" + Iso(h.At)), csv.Skip(1).Select(r => r[0] + "|" + r[1]));

        var jsonl = await ExportHttp.GetAsync(client, ExportHttp.Url("households.jsonl", "id,updatedAt", where, order));
        Assert.Equal(200, jsonl.Status);
        var lines = jsonl.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(expected.Select(h => h.Id + "|" + Iso(h.At)), lines.Select(l => l["id"]!.GetValue<string>() + "|" + l["updatedAt"]!.GetValue<string>()));

        var parquet = await ExportHttp.GetAsync(client, ExportHttp.Url("households.parquet", "id,updatedAt", where, order));
        Assert.Equal(200, parquet.Status);
        var file = await ParquetFile.ReadAsync(parquet.Body);
        var field = file.Schema.GetDataFields().Single(f => f.Name == "updatedAt");
        Assert.Equal(typeof(DateTime), field.ClrType);
        Assert.Equal(expected.Select(h => h.Id + "|" + Iso(h.At)),
            file.Rows.Select(r => (string)r[file.Index("id")]! + "|" + Iso(DateTime.SpecifyKind((DateTime)r[file.Index("updatedAt")]!, DateTimeKind.Utc))));

        var schema = (await ExportHttp.GetAsync(client, "/export/households.schema.json?fields=id,updatedAt")).Json;
        var column = schema["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "updatedAt")!;
        Assert.Equal("timestamp", column["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Aggregates_filter_on_updatedAt_like_sql()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var households = Households();
        var threshold = Thresholds([.. households.Select(h => h.At)])[2];
        var expected = households.Where(h => h.At >= threshold).GroupBy(h => h.Village)
            .Select(g => g.Key + "|" + g.Count().ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        var rows = await ExportHttp.CsvAsync(client, "/export/aggregate/households.csv?groupBy=villageCode&measures=count&where="
            + Uri.EscapeDataString(Since(Iso(threshold))));
        Assert.Equal(["villageCode", "count"], rows[0]);
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0] + "|" + r[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_update_in_the_database_moves_updatedAt_forward_and_the_row_into_the_next_refresh()
    {
        using var app = new WarehouseApp();
        var client = app.ClientFor("county", fixture.County);
        var db = app.Database;
        var id = Sql.Strings(db, "SELECT member_id FROM member ORDER BY updated_at, member_id LIMIT 1")[0];
        var before = Sql.Text(db, "SELECT updated_at FROM member WHERE member_id = @id", ("@id", id))!;
        var keyBefore = Sql.Scalar(db, "SELECT record_key FROM member WHERE member_id = @id", ("@id", id));
        var lastRefresh = DateTime.UtcNow.AddSeconds(-1);
        var since = $"updatedAt: {{gte: \"{Iso(new DateTime(lastRefresh.Ticks - lastRefresh.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc))}\"}}";
        var query = $"{{ members(where: {{{since}}}, first: 10) {{ nodes {{ id updatedAt }} }} }}";
        Assert.Empty((await WarehouseApp.DataAsync(client, query))["members"]!["nodes"]!.AsArray());

        Sql.Execute(db, $"UPDATE member SET work_months = work_months + 1 WHERE member_id = '{id}'");

        var after = Sql.Text(db, "SELECT updated_at FROM member WHERE member_id = @id", ("@id", id))!;
        Assert.True(string.CompareOrdinal(after, before) > 0, $"{before} → {after}");
        Assert.True(DateTime.Parse(after, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) >= lastRefresh.AddMilliseconds(-1));
        Assert.Equal(keyBefore, Sql.Scalar(db, "SELECT record_key FROM member WHERE member_id = @id", ("@id", id)));
        var nodes = (await WarehouseApp.DataAsync(client, query))["members"]!["nodes"]!.AsArray();
        Assert.Equal([id], nodes.Select(n => n!["id"]!.GetValue<string>()));

        // A load that sets updated_at itself keeps its value; an insert without one gets the insert time.
        Sql.Execute(db, $"UPDATE member SET work_months = work_months + 1, updated_at = '2020-01-02 03:04:05.678' WHERE member_id = '{id}'");
        Assert.Equal("2020-01-02 03:04:05.678", Sql.Text(db, "SELECT updated_at FROM member WHERE member_id = @id", ("@id", id)));
        Sql.Execute(db,
            "INSERT INTO standard (standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from) VALUES ('S-new', " +
            "'139901000000', '139901000000', '低保', '元/月', 70000, '2026-01-01')");
        var inserted = Sql.Text(db, "SELECT updated_at FROM standard WHERE standard_id = 'S-new'")!;
        Assert.True(DateTime.Parse(inserted, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) >= lastRefresh.AddMilliseconds(-1), inserted);
    }

    /// <summary>Ids of every household matching the filter, paged through the graph, sorted ordinally.</summary>
    private static async Task<List<string>> AllIds(HttpClient client, string filter)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var page = (await WarehouseApp.DataAsync(client,
                $"query($after: String) {{ households(where: {{{filter}}}, first: 500, after: $after) {{ nodes {{ id }} pageInfo " +
                    $"{{ hasNextPage endCursor }} }} }}",
                new { after }))["households"]!;
            ids.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return [.. ids.Order(StringComparer.Ordinal)];
            }
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }
}
