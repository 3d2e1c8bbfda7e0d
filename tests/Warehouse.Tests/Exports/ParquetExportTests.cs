using System.Globalization;
using System.Text.Json.Nodes;
using Parquet.Schema;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Issue 13, observation 8: <c>/export/{list}.parquet</c> is the same feed as CSV and JSON Lines (scope, masks, the
/// minors rule, where/order, refusals, audit) with typed columns. Files are read back with Parquet.Net's reader and
/// compared with rows computed by plain SQL.
/// </summary>
public sealed class ParquetExportTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    internal const string HouseholdFields = "id,villageCode,perCapitaNetIncome,monitoredAt,householdSize,waterSafe,riskTypes";

    /// <summary>How the reader reports a UTF-8 string column.</summary>
    private static readonly Type[] TextTypes = [typeof(string), typeof(ReadOnlyMemory<char>)];

    public static TheoryData<DatabaseProvider, string> RolesByProvider => Providers.With("county", "village");

    private static string RegionOf(ProviderApp fixture, string role) => role == "county" ? fixture.County : fixture.Village;

    [ProviderTheory]
    [MemberData(nameof(RolesByProvider))]
    public async Task Households_are_the_rows_of_the_region_with_typed_columns(DatabaseProvider provider, string role)
    {
        var fixture = fixtures[provider];
        var file = await ParquetAsync(fixture.App.ClientFor(role, RegionOf(fixture, role)), ExportHttp.Url("households.parquet", HouseholdFields));
        var scope = role == "county" ? "county_code = @r" : "village_code = @r";
        var expected = Households(fixture.App.Database,
            $"SELECT household_id, village_code, per_capita_net_income_fen, monitored_at, household_size, water_safe, risk_types FROM household " +
            $"WHERE {scope} ORDER BY household_id",
            ("@r", RegionOf(fixture, role)));
        Assert.Equal(HouseholdFields.Split(','), file.Columns);
        Assert.True(expected.Count > 20, $"only {expected.Count} rows");
        AssertRows(expected, file);

        // Types as documented: money DECIMAL(18,2), dates DATE, codes text, lists of text.
        var money = Assert.IsType<DecimalDataField>(file.Schema.DataFields.Single(f => f.Name == "perCapitaNetIncome"));
        Assert.Equal((18, 2), (money.Precision, money.Scale));
        Assert.Equal(typeof(DateOnly), file.Schema.DataFields.Single(f => f.Name == "monitoredAt").ClrType);
        Assert.Contains(file.Schema.DataFields.Single(f => f.Name == "villageCode").ClrType, TextTypes);
        Assert.False(file.Schema.DataFields.Single(f => f.Name == "id").IsNullable);
        Assert.IsType<ListField>(file.Schema.Fields.Single(f => f.Name == "riskTypes"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Where_and_order_select_the_rows_sql_selects(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        const string where = """{"perCapitaNetIncome":{"lt":15000},"householdSize":{"gte":2}}""";
        const string order = """[{"perCapitaNetIncome":"DESC"}]""";
        var file = await ParquetAsync(client, ExportHttp.Url("households.parquet", HouseholdFields, where, order));
        var expected = Households(fixture.App.Database, """
            SELECT household_id, village_code, per_capita_net_income_fen, monitored_at, household_size, water_safe, risk_types FROM household
            WHERE village_code = @r AND per_capita_net_income_fen < 1500000 AND household_size >= 2
            ORDER BY per_capita_net_income_fen DESC, household_id
            """, ("@r", fixture.Village));
        Assert.True(expected.Count > 5, $"only {expected.Count} rows");
        AssertRows(expected, file);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Masked_fields_are_text_columns_and_minors_follow_the_rule(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var db = fixture.App.Database;
        // County: names and birth dates masked, so text columns; minors' rows are not exported at all.
        var county = await ParquetAsync(fixture.App.ClientFor("county", fixture.County), ExportHttp.Url("members.parquet", "id,name,birthDate"));
        Assert.Contains(county.Schema.DataFields.Single(f => f.Name == "birthDate").ClrType, TextTypes);
        Assert.Equal(Sql.Strings(db, $"SELECT member_id FROM member WHERE {Minors.Adult()} ORDER BY member_id"), county.Column("id").Cast<string>().ToList());
        var names = Names(db, $"SELECT member_id, name, birth_date FROM member WHERE {Minors.Adult()}");
        foreach (var row in county.Rows.Take(2000))
        {
            var (name, birth) = names[(string)row[0]!];
            AssertMaskedName(name, (string)row[1]!);
            Assert.Equal(birth[..4], row[2]); // the year only
        }

        // Township: names in full, except on minors' rows, which it reads masked; birth dates as the year (masked for it).
        var township = await ParquetAsync(fixture.App.ClientFor("township", fixture.Township), ExportHttp.Url("members.parquet", "id,name,birthDate"));
        var all = Names(db, "SELECT member_id, name, birth_date FROM member WHERE township_code = @t", ("@t", fixture.Township));
        var minors = Sql.Strings(db, $"SELECT member_id FROM member WHERE township_code = @t AND NOT ({Minors.Adult()})", ("@t", fixture.Township)).ToHashSet();
        Assert.True(minors.Count > 10, $"only {minors.Count} minors");
        Assert.Equal(all.Count, township.Rows.Count);
        Assert.Contains(township.Schema.DataFields.Single(f => f.Name == "birthDate").ClrType, TextTypes);
        foreach (var row in township.Rows)
        {
            var id = (string)row[0]!;
            var (name, birth) = all[id];
            if (minors.Contains(id))
            {
                AssertMaskedName(name, (string)row[1]!);
            }
            else
            {
                Assert.Equal(name, row[1]);
            }
            Assert.Equal(birth[..4], row[2]);
        }
        // The column description says the same.
        var schema = (await ExportHttp.GetAsync(fixture.App.ClientFor("township", fixture.Township), "/export/members.schema.json?fields=id,birthDate")).Json;
        var birthDate = schema["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "birthDate")!;
        Assert.Equal("string", birthDate["type"]!.GetValue<string>());
        Assert.Equal("BYTE_ARRAY STRING", birthDate["parquet"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_reference_column_is_null_outside_the_scope_and_typed_inside(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        var file = await ParquetAsync(client, ExportHttp.Url("members.parquet", "id,householdId,household.perCapitaNetIncome"));
        var expected = new Dictionary<string, decimal>();
        var db = fixture.App.Database;
        using (var c = db.Connect())
        using (var cmd = Sql.Command(db, c, "SELECT m.member_id, h.per_capita_net_income_fen FROM member m JOIN household h ON h.household_id = " +
            "m.household_id WHERE m.village_code = @v", [("@v", fixture.Village)]))
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                expected[r.GetString(0)] = Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture) / 100m;
            }
        }
        Assert.Equal(expected.Count, file.Rows.Count);
        Assert.All(file.Rows, row => Assert.Equal(expected[(string)row[0]!], row[2]));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Ungranted_fields_and_bad_filters_are_refused_before_any_data(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var village = fixture.App.ClientFor("village", fixture.Village);
        var hidden = await ExportHttp.GetAsync(village, ExportHttp.Url("members.parquet", "id,diseaseName"));
        Assert.Equal(400, hidden.Status);
        Assert.StartsWith("application/json", hidden.ContentType, StringComparison.Ordinal);
        Assert.Equal("FIELD_HIDDEN", hidden.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("diseaseName", hidden.Json["errors"]![0]!["extensions"]!["field"]!.GetValue<string>());

        var county = fixture.App.ClientFor("county", fixture.County);
        var masked = await ExportHttp.GetAsync(county, ExportHttp.Url("members.parquet", "id", order: """[{"name":"ASC"}]"""));
        Assert.Equal("FIELD_MASKED", masked.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var badWhere = await ExportHttp.GetAsync(county, ExportHttp.Url("households.parquet", "id", """{"perCapitaNetIncome":{"lt":"lots"}}"""));
        Assert.Equal("INVALID_VALUE", badWhere.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var aggregate = await ExportHttp.GetAsync(county, "/export/aggregate/households.parquet");
        Assert.Equal(404, aggregate.Status);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Parquet_exports_are_audited_like_the_others(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village, user: "parquet-auditor");
        var file = await ParquetAsync(client, ExportHttp.Url("households.parquet", "id,phone"));
        var db = fixture.App.Database;
        var started = JsonNode.Parse(Sql.Text(db,
            "SELECT detail FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'parquet-auditor' AND operation = 'households.parquet' AND " +
                "row_count IS NULL")!)!;
        Assert.Equal("parquet", started["format"]!.GetValue<string>());
        Assert.Equal(1, Sql.Scalar(db, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'parquet-auditor' AND row_count = @n",
            ("@n", file.Rows.Count)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task An_empty_export_is_a_valid_file_with_the_schema(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var file = await ParquetAsync(fixture.App.ClientFor("village", fixture.Village),
            ExportHttp.Url("households.parquet", HouseholdFields, """{"id":{"eq":"none"}}"""));
        Assert.Empty(file.Rows);
        Assert.Equal(HouseholdFields.Split(','), file.Columns);
    }

    internal static async Task<ParquetFile> ParquetAsync(HttpClient client, string url)
    {
        var response = await ExportHttp.GetAsync(client, url);
        Assert.True(response.Status == 200, $"HTTP {response.Status}: {response.Text}");
        Assert.Equal("application/vnd.apache.parquet", response.ContentType);
        return await ParquetFile.ReadAsync(response.Body);
    }

    private static void AssertMaskedName(string stored, string masked)
    {
        Assert.Equal(stored.Length, masked.Length);
        Assert.Equal(stored[0], masked[0]);
        Assert.EndsWith("*", masked, StringComparison.Ordinal);
    }

    /// <summary>member_id → (name, birth_date as 'yyyy-MM-dd').</summary>
    private static Dictionary<string, (string Name, string Birth)> Names(TestDatabase db, string sql, params (string, object)[] parameters)
    {
        using var c = db.Connect();
        using var cmd = Sql.Command(db, c, sql, parameters);
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, (string, string)>();
        while (r.Read())
        {
            result[r.GetString(0)] = (r.GetString(1), Sql.Text(r.GetValue(2))!);
        }
        return result;
    }

    /// <summary>Expected household rows by plain SQL on either provider (values normalised by <see cref="Sql.Text(object?)"/>), in the
    /// export's column types.</summary>
    internal static List<object?[]> Households(TestDatabase db, string sql, params (string, object)[] parameters)
    {
        using var c = db.Connect();
        using var cmd = Sql.Command(db, c, sql, parameters);
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            rows.Add([
                r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture) / 100m,
                r.IsDBNull(3) ? null : DateOnly.ParseExact(Sql.Text(r.GetValue(3))!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture), Sql.Text(r.GetValue(5)) == "1",
                r.IsDBNull(6) ? Array.Empty<string>() : r.GetString(6).Split(',', StringSplitOptions.RemoveEmptyEntries),
            ]);
        }
        return rows;
    }

    internal static void AssertRows(List<object?[]> expected, ParquetFile file)
    {
        Assert.Equal(expected.Count, file.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            for (var c = 0; c < expected[i].Length; c++)
            {
                if (expected[i][c] is string[] list)
                {
                    Assert.Equal(list, Assert.IsType<string[]>(file.Rows[i][c]));
                    continue;
                }
                Assert.True(Equals(expected[i][c], file.Rows[i][c]),
                    $"row {i} ({expected[i][0]}), column {file.Columns[c]}: expected {expected[i][c]}, got {file.Rows[i][c]}");
            }
        }
    }
}
