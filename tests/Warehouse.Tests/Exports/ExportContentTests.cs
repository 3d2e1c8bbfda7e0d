using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Exports;

/// <summary>
/// The feeds return what the graph returns for the same arguments (rows, order, values), under the same
/// scope and masks; hidden fields cannot be asked for; presentation options (BOM, labels, gzip, JSONL).
/// </summary>
public sealed partial class ExportContentTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    private const string HouseholdFields = "id,villageCode,householdAttr,perCapitaNetIncome,riskTypes,monitoredAt,waterSafe,householdSize,address,phone";
    private static readonly HashSet<string> Money = ["perCapitaNetIncome", "household.perCapitaNetIncome", "amount"];

    public static TheoryData<DatabaseProvider, string> RolesByProvider => Providers.With("county", "village");

    // xunit makes a new instance per test case: each test sets the provider's app first.
    private ProviderApp fixture = null!;

    private string RegionOf(string role) => role == "county" ? fixture.County : fixture.Village;

    [ProviderTheory]
    [MemberData(nameof(RolesByProvider))]
    public async Task Household_csv_equals_the_graph_for_the_same_where_and_order(DatabaseProvider provider, string role)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor(role, RegionOf(role));
        const string where = """{"perCapitaNetIncome":{"lt":12000},"householdAttr":{"eq":"脱贫户"}}""";
        const string order = """[{"perCapitaNetIncome":"DESC"}]""";
        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", HouseholdFields, where, order));
        var graph = await ExportHttp.GraphNodesAsync(client, "households", HouseholdFields.Replace(',', ' '), where, order, "HouseholdFilterInput",
            "HouseholdSortInput");

        var columns = HouseholdFields.Split(',');
        Assert.Equal(columns, csv[0]);
        Assert.True(graph.Count > 5, $"too few rows to compare ({graph.Count})");
        AssertRowsEqual(graph, csv, columns);
    }

    [ProviderTheory]
    [MemberData(nameof(RolesByProvider))]
    public async Task Member_csv_with_a_nested_reference_equals_the_graph(DatabaseProvider provider, string role)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor(role, RegionOf(role));
        const string fields = "id,name,idNumber,gender,birthDate,household.perCapitaNetIncome,household.phone,household.riskTypes";
        const string where = """{"household":{"perCapitaNetIncome":{"lt":9000}}}""";
        const string order = """[{"household":{"perCapitaNetIncome":"ASC"}},{"gender":"DESC"}]""";
        var csv = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv", fields, where, order));
        var graph = await ExportHttp.GraphNodesAsync(client, "members", "id name idNumber gender birthDate household { perCapitaNetIncome phone riskTypes }",
            where, order, "MemberFilterInput", "MemberSortInput");
        Assert.True(graph.Count > 5, $"too few rows to compare ({graph.Count})");
        AssertRowsEqual(graph, csv, fields.Split(','));
    }

    [ProviderTheory]
    [MemberData(nameof(RolesByProvider))]
    public async Task Jsonl_lines_are_the_graph_nodes(DatabaseProvider provider, string role)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor(role, RegionOf(role));
        const string fields = "id,name,idNumber,birthDate,medIns,household.perCapitaNetIncome,household.riskTypes";
        const string order = """[{"birthDate":"ASC"}]""";
        var orderUsed = role == "village" ? order : null; // birthDate is masked for the county: it cannot be ordered by.
        var response = await ExportHttp.GetAsync(client, ExportHttp.Url("members.jsonl", fields, order: orderUsed));
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/x-ndjson", response.ContentType, StringComparison.Ordinal);
        var lines = response.Text.Split('\n');
        Assert.Equal("", lines[^1]);
        var graph = await ExportHttp.GraphNodesAsync(client, "members", "id name idNumber birthDate medIns household { perCapitaNetIncome riskTypes }",
            null, orderUsed, "MemberFilterInput", "MemberSortInput");
        Assert.Equal(graph.Count, lines.Length - 1);
        for (var i = 0; i < graph.Count; i++)
        {
            var line = JsonNode.Parse(lines[i])!;
            Assert.True(JsonNode.DeepEquals(graph[i], line), $"row {i}: graph {graph[i].ToJsonString()} vs export {lines[i]}");
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Village_export_holds_only_its_village_with_masks(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var village = fixture.Village;
        var db = fixture.App.Database;
        var client = fixture.App.ClientFor("village", village);
        var households = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", "id,villageCode,phone"));
        Assert.Equal(Sql.Strings(db, "SELECT household_id FROM household WHERE village_code = @v ORDER BY household_id", ("@v", village)),
            households.Skip(1).Select(r => r[0]).ToList());
        Assert.All(households.Skip(1), r => Assert.Equal(village, r[1]));

        var members = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv"));
        var header = members[0];
        var rows = members.Skip(1).ToList();
        Assert.Equal(Sql.Scalar(db, "SELECT COUNT(*) FROM member WHERE village_code = @v", ("@v", village)), rows.Count);
        var ids = rows.Select(r => r[header.IndexOf("id")]).ToList();
        Assert.Equal(Sql.Strings(db, "SELECT member_id FROM member WHERE village_code = @v ORDER BY member_id", ("@v", village)), ids);
        var idNumbers = rows.Select(r => r[header.IndexOf("idNumber")]).ToList();
        Assert.All(idNumbers, n => Assert.Matches(MaskedIdNumber(), n));
        // The village reads names in full: they equal the stored ones.
        var first = rows[0];
        Assert.Equal(Sql.Text(db, "SELECT name FROM member WHERE member_id = @m", ("@m", first[0])), first[header.IndexOf("name")]);
        Assert.Equal(Sql.Text(db, "SELECT id_number FROM member WHERE member_id = @m", ("@m", first[0]))![..3], first[header.IndexOf("idNumber")][..3]);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task County_reads_member_names_masked(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var rows = (await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv", "id,name,idNumber"))).Skip(1).ToList();
        // Minors' records are aggregate-only for the county: not exported row by row.
        Assert.Equal(Sql.Scalar(fixture.App.Database, $"SELECT COUNT(*) FROM member WHERE {Minors.Adult()}"), rows.Count);
        var stored = Sql.Text(fixture.App.Database, "SELECT name FROM member WHERE member_id = @m", ("@m", rows[0][0]))!;
        Assert.Equal(stored[0] + new string('*', stored.Length - 1), rows[0][1]);
        Assert.All(rows, r => Assert.Contains("*", r[1], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Matches(MaskedIdNumber(), r[2]));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Hidden_and_unknown_fields_are_refused_naming_them(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        var response = await ExportHttp.GetAsync(client, ExportHttp.Url("members.csv", "id,diseaseName,shoeSize,household.bankAccount,jobs.employer"));
        Assert.Equal(400, response.Status);
        var errors = response.Json["errors"]!.AsArray().Select(e => (Code: e!["extensions"]!["code"]!.GetValue<string>(),
            Field: e["extensions"]!["field"]!.GetValue<string>(),
            Message: e["message"]!.GetValue<string>())).ToList();
        Assert.Contains(errors, e => e is { Code: "FIELD_HIDDEN", Field: "diseaseName" } && e.Message.Contains("Member.diseaseName", StringComparison.Ordinal)
            && e.Message.Contains("village", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Code: "UNKNOWN_FIELD", Field: "shoeSize" });
        Assert.Contains(errors, e => e is { Code: "UNKNOWN_FIELD", Field: "jobs.employer" });
        Assert.Contains(errors, e => e is { Code: "FIELD_HIDDEN", Field: "household.bankAccount" }
            && e.Message.Contains("Household.bankAccount", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);

        var county = fixture.App.ClientFor("county", fixture.County);
        var aggregateOnly = await ExportHttp.GetAsync(county, ExportHttp.Url("members.csv", "id,ethnicity"));
        Assert.Equal(400, aggregateOnly.Status);
        Assert.Equal("FIELD_HIDDEN", aggregateOnly.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Default_fields_are_those_the_role_can_read(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var village = await ExportHttp.CsvAsync(fixture.App.ClientFor("village", fixture.Village), "/export/members.csv");
        Assert.Contains("name", village[0]);
        Assert.Contains("ethnicity", village[0]);
        Assert.DoesNotContain("diseaseName", village[0]);
        Assert.DoesNotContain("disabilityCertNo", village[0]);
        var county = await ExportHttp.CsvAsync(fixture.App.ClientFor("county", fixture.County), "/export/members.csv");
        Assert.DoesNotContain("ethnicity", county[0]); // aggregate-only for the county
        Assert.DoesNotContain("diseaseName", county[0]);
        Assert.Equal(village[0].Count - 1, county[0].Count);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Bom_only_when_asked_and_labels_in_chinese(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village);
        var plain = await ExportHttp.GetAsync(client, ExportHttp.Url("households.csv", "id,perCapitaNetIncome"));
        Assert.Equal(200, plain.Status);
        Assert.NotEqual(0xEF, plain.Body[0]);
        Assert.StartsWith("text/csv", plain.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("id,perCapitaNetIncome\r\n", plain.Text, StringComparison.Ordinal);

        var withBom = await ExportHttp.GetAsync(client, ExportHttp.Url("members.csv", "id,name,household.perCapitaNetIncome", extra: "bom=true&header=labels"));
        Assert.Equal(200, withBom.Status);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, withBom.Body[..3]);
        var text = Encoding.UTF8.GetString(withBom.Body, 3, withBom.Body.Length - 3);
        var records = Rfc4180.Parse(text);
        Assert.Equal(["成员编号", "姓名", "所属户.人均纯收入"], records[0]);
        Assert.Matches(ChineseName(), records[1][1]);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Gzip_when_accepted(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var url = ExportHttp.Url("households.csv", "id,address,perCapitaNetIncome");
        var plain = await ExportHttp.GetAsync(client, url);
        var zipped = await ExportHttp.GetAsync(client, url, gzip: true);
        Assert.Equal("", plain.ContentEncoding);
        Assert.Equal("gzip", zipped.ContentEncoding);
        Assert.True(zipped.Body.Length * 3 < plain.Body.Length * 2, $"{zipped.Body.Length} gzip bytes for {plain.Body.Length} plain bytes");
        Assert.Equal(plain.Body, ExportHttp.Gunzip(zipped.Body));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Each_export_is_audited_with_fields_filter_and_row_count(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor("village", fixture.Village, user: "export-auditor");
        const string where = """{"householdSize":{"gte":3}}""";
        var rows = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", "id,phone,householdSize", where));
        var db = fixture.App.Database;
        Assert.Equal(2, Sql.Scalar(db, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'export-auditor'"));
        var started = JsonNode.Parse(Sql.Text(db,
            "SELECT detail FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'export-auditor' AND role = 'village' AND type_name = " +
                "'Household' AND operation = 'households.csv' AND row_count IS NULL")!)!;
        Assert.Equal("started", started["phase"]!.GetValue<string>());
        Assert.Equal(["id", "phone", "householdSize"], started["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        // householdSize is personal (PER): the operator stays, the value is a keyed pseudonym (docs/security.md#audit-trail).
        Assert.StartsWith("sha256:", started["where"]!["householdSize"]!["gte"]!.GetValue<string>(), StringComparison.Ordinal);
        var exportId = started["exportId"]!.GetValue<string>();
        var completed = JsonNode.Parse(Sql.Text(db,
            "SELECT detail FROM sec_audit_record WHERE kind = 'EXPORT' AND user_id = 'export-auditor' AND row_count = @n", ("@n", rows.Count - 1))!)!;
        Assert.Equal("completed", completed["phase"]!.GetValue<string>());
        Assert.Equal(exportId, completed["exportId"]!.GetValue<string>());
        // The start record is written first.
        Assert.Equal(1,
            Sql.Scalar(db,
            "SELECT COUNT(*) FROM sec_audit_record a JOIN sec_audit_record b ON a.id < b.id WHERE a.user_id = 'export-auditor' AND b.user_id = " +
            "'export-auditor' AND a.row_count IS NULL AND b.row_count IS NOT NULL"));
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "/export/nothing.csv", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/nothing.csv", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.xlsx", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.xlsx", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.Sqlite, "/export/projectBeneficiaries.csv", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/projectBeneficiaries.csv", 404, "UNKNOWN_EXPORT")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?where={nope", 400, "INVALID_FILTER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?where={nope", 400, "INVALID_FILTER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?where=[1,2]", 400, "INVALID_FILTER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?where=[1,2]", 400, "INVALID_FILTER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?where={\"shoeSize\":{\"eq\":1}}", 400, "INVALID_FILTER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?where={\"shoeSize\":{\"eq\":1}}", 400, "INVALID_FILTER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?where={\"perCapitaNetIncome\":{\"lt\":\"lots\"}}", 400, "INVALID_VALUE")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?where={\"perCapitaNetIncome\":{\"lt\":\"lots\"}}", 400, "INVALID_VALUE")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?where={\"perCapitaNetIncome\":{\"lt\":1e999}}", 400, "INVALID_VALUE")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?where={\"perCapitaNetIncome\":{\"lt\":1e999}}", 400, "INVALID_VALUE")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?where={\"phone\":{\"startsWith\":\"138\"}}", 400, "FIELD_MASKED")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?where={\"phone\":{\"startsWith\":\"138\"}}", 400, "FIELD_MASKED")]
    [InlineData(DatabaseProvider.Sqlite, "/export/members.csv?order=[{\"name\":\"ASC\"}]", 400, "FIELD_MASKED")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/members.csv?order=[{\"name\":\"ASC\"}]", 400, "FIELD_MASKED")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?order=[{\"id\":\"UP\"}]", 400, "INVALID_ORDER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?order=[{\"id\":\"UP\"}]", 400, "INVALID_ORDER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?order=\"id\"", 400, "INVALID_ORDER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?order=\"id\"", 400, "INVALID_ORDER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?bom=maybe", 400, "INVALID_PARAMETER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?bom=maybe", 400, "INVALID_PARAMETER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?header=both", 400, "INVALID_PARAMETER")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?header=both", 400, "INVALID_PARAMETER")]
    [InlineData(DatabaseProvider.Sqlite, "/export/households.csv?fields=household.id", 400, "UNKNOWN_FIELD")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/households.csv?fields=household.id", 400, "UNKNOWN_FIELD")]
    [InlineData(DatabaseProvider.Sqlite, "/export/members.csv?fields=household", 400, "UNKNOWN_FIELD")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/members.csv?fields=household", 400, "UNKNOWN_FIELD")]
    [InlineData(DatabaseProvider.Sqlite, "/export/members.csv?fields=household.village.name", 400, "UNKNOWN_FIELD")]
    [InlineData(DatabaseProvider.PostgreSql, "/export/members.csv?fields=household.village.name", 400, "UNKNOWN_FIELD")]
    public async Task Bad_input_is_a_coded_4xx(DatabaseProvider provider, string url, int status, string code)
    {
        fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client, url);
        Assert.True(response.Status == status, $"HTTP {response.Status}: {response.Text}");
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(code, response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Token_and_role_are_required(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var anonymous = fixture.App.CreateClient();
        Assert.Equal(401, (await ExportHttp.GetAsync(anonymous, "/export/households.csv")).Status);
        var admin = fixture.App.ClientFor("admin", null);
        var response = await ExportHttp.GetAsync(admin, "/export/households.csv");
        Assert.Equal(403, response.Status);
        Assert.Equal("FORBIDDEN", response.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static void AssertRowsEqual(List<JsonObject> graph, List<List<string>> csv, string[] columns)
    {
        Assert.Equal(graph.Count, csv.Count - 1);
        for (var i = 0; i < graph.Count; i++)
        {
            var expected = columns.Select(c => ExportHttp.CsvText(ExportHttp.At(graph[i], c), Money.Contains(c))).ToList();
            Assert.Equal(expected, csv[i + 1]);
        }
    }

    [GeneratedRegex(@"^\d{3}\*{15}$")]
    private static partial Regex MaskedIdNumber();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,4}$")]
    private static partial Regex ChineseName();
}
