using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Exports;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// An aggregate is a read path like any other: it never returns what the reader could not read row by row, and no
/// statistic over a protected population singles out a person. Each test replays one way of reading too much
/// (issue 10, observations 1, 2, 3 and 5) and checks the answer against plain SQL.
/// </summary>
public sealed class AggregatePrivacyTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    // xunit makes a new instance per test case: each test sets the provider's app first.
    private ProviderApp fixture = null!;

    private TestDatabase Db => fixture.App.Database;

    private HttpClient Client(string role) => fixture.App.ClientFor(role, role switch
    {
        "county" => fixture.County,
        "township" => fixture.Township,
        _ => fixture.Village,
    });

    // Observation 1: suppressed groups kept their keys; grouping by a member's id listed every child's attributes.
    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "county", "membersAggregate(groupBy: [ID, ETHNICITY, GENDER, SCHOOL_STATUS, HEALTH_STATUS])")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "membersAggregate(groupBy: [ID, ETHNICITY, GENDER, SCHOOL_STATUS, HEALTH_STATUS])")]
    [InlineData(DatabaseProvider.Sqlite, "county", "membersAggregate(groupBy: [HOUSEHOLD_ID, GENDER])")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "membersAggregate(groupBy: [HOUSEHOLD_ID, GENDER])")]
    [InlineData(DatabaseProvider.Sqlite, "county", "assistanceAggregate(groupBy: [MEMBER_ID, ITEM])")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "assistanceAggregate(groupBy: [MEMBER_ID, ITEM])")]
    [InlineData(DatabaseProvider.Sqlite, "county", "jobsAggregate(groupBy: [POST_ID])")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "jobsAggregate(groupBy: [POST_ID])")]
    [InlineData(DatabaseProvider.Sqlite, "township", "membersAggregate(groupBy: [HOUSEHOLD_ID, ETHNICITY])")]
    [InlineData(DatabaseProvider.PostgreSql, "township", "membersAggregate(groupBy: [HOUSEHOLD_ID, ETHNICITY])")]
    public async Task Identifying_keys_never_group_protected_rows(DatabaseProvider provider, string role, string field)
    {
        fixture = fixtures[provider];
        var body = await WarehouseApp.PostAsync(Client(role), "{ " + field + " { groups { count } } }");
        Assert.Equal("PROTECTED_AGGREGATE", WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]?[field[..field.IndexOf('(', StringComparison.Ordinal)]]);
    }

    // A median or percentile is one record's value or lies between two, like min and max: refused where rows are protected.
    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "county", "membersAggregate", "median { workMonths }")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "membersAggregate", "median { workMonths }")]
    [InlineData(DatabaseProvider.Sqlite, "county", "membersAggregate(groupBy: [GENDER])", "p25 { workMonths } p75 { workMonths }")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "membersAggregate(groupBy: [GENDER])", "p25 { workMonths } p75 { workMonths }")]
    [InlineData(DatabaseProvider.Sqlite, "county", "jobsAggregate", "p90 { monthlyWage }")]
    [InlineData(DatabaseProvider.PostgreSql, "county", "jobsAggregate", "p90 { monthlyWage }")]
    public async Task Percentiles_are_refused_over_protected_rows(DatabaseProvider provider, string role, string field, string measures)
    {
        fixture = fixtures[provider];
        var body = await WarehouseApp.PostAsync(Client(role), "{ " + field + " { groups { count " + measures + " } } }");
        Assert.Equal("PROTECTED_AGGREGATE", WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]?[field.Split('(')[0]]);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task The_aggregate_export_refuses_percentiles_over_protected_rows(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var response = await ExportHttp.GetAsync(Client("county"), "/export/aggregate/members.csv?measures=count,median.workMonths");
        Assert.Equal(400, (int)response.Status);
        Assert.Contains("PROTECTED_AGGREGATE", response.Text, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task The_aggregate_export_refuses_identifying_keys_too(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var response = await ExportHttp.GetAsync(Client("county"), "/export/aggregate/members.csv?groupBy=id,ethnicity");
        Assert.Equal(400, (int)response.Status);
        Assert.Contains("PROTECTED_AGGREGATE", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("M0000", response.Text, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Small_groups_are_withheld_whole_keys_included(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var township = fixture.Township;
        var result = (await WarehouseApp.DataAsync(Client("county"), """
            query($t: String!) { membersAggregate(where: {townshipCode: {eq: $t}}, groupBy: [VILLAGE_CODE, GENDER, SCHOOL_STATUS, HEALTH_STATUS],
              first: 10000) {
                protected withheldGroups groups { keys { villageCode gender schoolStatus healthStatus } count } } }
            """, new { t = township }))["membersAggregate"]!;
        Assert.True(result["protected"]!.GetValue<bool>());
        var truth = Truth(Db, """
            SELECT village_code || '|' || gender || '|' || IFNULL(school_status, '') || '|' || health_status, COUNT(*), COUNT(DISTINCT household_id)
            FROM member WHERE township_code = @t GROUP BY 1
            """, ("@t", township));
        var groups = result["groups"]!.AsArray();
        Assert.NotEmpty(groups);
        foreach (var g in groups)
        {
            var k = g!["keys"]!;
            var key = $"{k["villageCode"]}|{k["gender"]}|{k["schoolStatus"]?.GetValue<string>() ?? ""}|{k["healthStatus"]}";
            var (count, households) = truth[key];
            // A perturbed size of at least k = 5 needs a true size of at least 3: no group of one, two or one household shows.
            Assert.True(count >= 3 && households >= 3, $"group {key} shown with {count} members in {households} households");
            Assert.InRange(g["count"]!.GetValue<long>(), count - 2, count + 2);
        }
        var tiny = truth.Count(t => t.Value.Count <= 2);
        Assert.True(tiny > 0, "the township must have groups of one or two members for this test to mean anything");
        Assert.True(Sql.Scalar(Db, $"""
            SELECT COUNT(*) FROM (SELECT 1 FROM member WHERE township_code = @t GROUP BY village_code, gender, school_status, health_status
                                  HAVING COUNT(*) <= 2 AND SUM(CASE WHEN NOT ({Minors.Adult()}) THEN 1 ELSE 0 END) > 0) AS g
            """, ("@t", township)) > 0, "children must be among the groups of one or two");
        Assert.True(result["withheldGroups"]!.GetValue<int>() >= tiny);
        Assert.Equal(truth.Count, groups.Count + result["withheldGroups"]!.GetValue<int>());
    }

    // Observation 2: relation filters inside aggregates matched households through their children.
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Relation_filters_inside_aggregates_follow_the_row_rules(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var client = Client("county");
        var data = await WarehouseApp.DataAsync(client, """
            { list: households(where: {members: {some: {schoolStatus: {neq: null}}}}) { totalCount }
              agg: householdsAggregate(where: {members: {some: {schoolStatus: {neq: null}}}}) { protected groups { count } } }
            """);
        var expected = Sql.Scalar(Db,
            $"SELECT COUNT(*) FROM household h WHERE EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.school_status IS " +
            $"NOT NULL AND {Minors.Adult("m.")})");
        var throughChildren = Sql.Scalar(Db,
            "SELECT COUNT(*) FROM household h WHERE EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.school_status IS NOT NULL)");
        Assert.True(throughChildren > expected, "children must make a difference for this test to mean anything");
        Assert.Equal(expected, data["list"]!["totalCount"]!.GetValue<long>());
        Assert.False(data["agg"]!["protected"]!.GetValue<bool>());
        Assert.Equal(expected, data["agg"]!["groups"]![0]!["count"]!.GetValue<long>());
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "{ jobsAggregate(where: {member: {schoolStatus: {neq: null}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ jobsAggregate(where: {member: {schoolStatus: {neq: null}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ assistanceAggregate(where: {member: {schoolStatus: {neq: null}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ assistanceAggregate(where: {member: {schoolStatus: {neq: null}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ postsAggregate(where: {holder: {gender: {eq: \"女\"}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ postsAggregate(where: {holder: {gender: {eq: \"女\"}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ membersAggregate(where: {household: {id: {eq: \"H0000001\"}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ membersAggregate(where: {household: {id: {eq: \"H0000001\"}}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.Sqlite, "{ assistanceAggregate(where: {channel: {eq: \"对公\"}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.PostgreSql, "{ assistanceAggregate(where: {channel: {eq: \"对公\"}}) { groups { count } } }")]
    [InlineData(DatabaseProvider.Sqlite,
        "{ membersAggregate(where: {or: [{villageCode: {eq: \"139901101202\"}}, {gender: {eq: \"女\"}}]}) { groups { count } } }")]
    [InlineData(DatabaseProvider.PostgreSql,
        "{ membersAggregate(where: {or: [{villageCode: {eq: \"139901101202\"}}, {gender: {eq: \"女\"}}]}) { groups { count } } }")]
    public async Task Protected_aggregates_take_region_filters_only(DatabaseProvider provider, string query)
    {
        fixture = fixtures[provider];
        Assert.Equal("PROTECTED_AGGREGATE", WarehouseApp.FirstErrorCode(await WarehouseApp.PostAsync(Client("county"), query)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Township_relation_filters_in_aggregates_never_match_a_minor(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var township = fixture.Township;
        var data = await WarehouseApp.DataAsync(Client("township"),
            "{ assistanceAggregate(where: {member: {schoolStatus: {neq: null}}}) { protected groups { count } } }");
        var expected = Sql.Scalar(Db, $"""
            SELECT COUNT(*) FROM assistance a JOIN member m ON m.member_id = a.member_id
            WHERE a.township_code = @t AND m.school_status IS NOT NULL AND {Minors.Adult("m.")}
            """, ("@t", township));
        Assert.False(data["assistanceAggregate"]!["protected"]!.GetValue<bool>());
        Assert.Equal(expected, data["assistanceAggregate"]!["groups"]![0]!["count"]!.GetValue<long>());
    }

    // Observation 3: two aggregates that differ by one child gave the child's values.
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Differencing_by_one_child_is_refused_and_the_answer_does_not_move(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var village = fixture.Village;
        var client = Client("county");
        var child = Sql.Strings(Db, $"SELECT member_id FROM member WHERE village_code = @v AND NOT ({Minors.Adult()}) ORDER BY member_id LIMIT 1",
            ("@v", village))[0];
        const string Query = "query($w: MemberFilterInput) { membersAggregate(where: $w, groupBy: [HEALTH_STATUS, ETHNICITY]) { groups { keys { " +
            "healthStatus ethnicity } count } } }";
        var all = await WarehouseApp.PostAsync(client, Query, new { w = new { villageCode = new { eq = village } } });
        Assert.Null(all["errors"]);

        // The attack as reported: the same statistic without the child.
        var withoutChild = await WarehouseApp.PostAsync(client, Query, new { w = new { villageCode = new { eq = village }, id = new { neq = child } } });
        Assert.Equal("PROTECTED_AGGREGATE", WarehouseApp.FirstErrorCode(withoutChild));

        // The same through quasi-identifiers that single the child out, and through the child's household.
        var row = Sql.Strings(Db, "SELECT relation || '|' || gender || '|' || IFNULL(education, '') FROM member WHERE member_id = @m",
            ("@m", child))[0].Split('|');
        var quasi = await WarehouseApp.PostAsync(client, Query, new
        {
            w = new Dictionary<string, object>
            {
                ["villageCode"] = new { eq = village },
                ["not"] = new { and = new object[] { new { relation = new { eq = row[0] } }, new { gender = new { eq = row[1] } } } },
            },
        });
        Assert.Equal("PROTECTED_AGGREGATE", WarehouseApp.FirstErrorCode(quasi));

        // Asking again gives the same noise: nothing averages away.
        var again = await WarehouseApp.PostAsync(client, Query, new { w = new { villageCode = new { eq = village } } });
        Assert.Equal(all.ToJsonString(), again.ToJsonString());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Protected_totals_are_close_to_the_truth_and_stable(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var data = await WarehouseApp.DataAsync(Client("county"), """
            { membersAggregate(groupBy: [TOWNSHIP_CODE]) { protected groups { keys { townshipCode } count laborForce employed employmentRate } } }
            """);
        var result = data["membersAggregate"]!;
        Assert.True(result["protected"]!.GetValue<bool>());
        var truth = Truth(Db, """
            SELECT township_code, COUNT(*), SUM(CASE WHEN labor_capacity IN ('普通劳动力','技能劳动力') THEN 1 ELSE 0 END) FROM member GROUP BY 1
            """);
        var groups = result["groups"]!.AsArray();
        Assert.Equal(truth.Count, groups.Count);
        foreach (var g in groups)
        {
            var (count, labor) = truth[g!["keys"]!["townshipCode"]!.GetValue<string>()];
            Assert.InRange(g["count"]!.GetValue<long>(), count - 2, count + 2);
            Assert.InRange(g["laborForce"]!.GetValue<long>(), labor - 2, labor + 2);
            Assert.Equal(g["employed"]!.GetValue<double>() / g["laborForce"]!.GetValue<double>(), g["employmentRate"]!.GetValue<double>(), 9);
        }
    }

    // Observation 5: records about a child (assistance for a member under 14) were listed and exported to the county.
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Records_about_a_child_follow_the_childs_rule(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var county = Client("county");
        var minorsRecords = Sql.Scalar(Db, $"SELECT COUNT(*) FROM assistance a JOIN member m ON m.member_id = a.member_id WHERE NOT ({Minors.Adult("m.")})");
        Assert.True(minorsRecords > 0, "the county must have assistance for children for this test to mean anything");
        var data = await WarehouseApp.DataAsync(county, """
            { all: assistance { totalCount }
              isolated: assistance(where: {memberId: {neq: null}, not: {member: {id: {neq: null}}}}) { totalCount }
              agg: assistanceAggregate { protected groups { count } } }
            """);
        var readable = Sql.Scalar(Db,
            $"SELECT COUNT(*) FROM assistance a LEFT JOIN member m ON m.member_id = a.member_id WHERE a.member_id IS NULL OR {Minors.Adult("m.")}");
        Assert.Equal(readable, data["all"]!["totalCount"]!.GetValue<long>());
        Assert.Equal(0, data["isolated"]!["totalCount"]!.GetValue<long>());
        // Still counted in aggregates, protected.
        var total = Sql.Scalar(Db, "SELECT COUNT(*) FROM assistance");
        Assert.True(data["agg"]!["protected"]!.GetValue<bool>());
        Assert.InRange(data["agg"]!["groups"]![0]!["count"]!.GetValue<long>(), total - 2, total + 2);

        var id = Sql.Strings(Db,
            $"SELECT a.assist_id FROM assistance a JOIN member m ON m.member_id = a.member_id WHERE NOT ({Minors.Adult("m.")}) ORDER BY " +
            $"a.assist_id LIMIT 1")[0];
        var lookup = await WarehouseApp.DataAsync(county, "query($id: String!) { assistanceMeasure(id: $id) { id item } }", new { id });
        Assert.Null(lookup["assistanceMeasure"]);
        var csv = await ExportHttp.CsvAsync(county, "/export/assistance.csv?fields=id");
        Assert.DoesNotContain(csv, r => r[0] == id);
        Assert.Equal(readable, csv.Count - 1);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task The_township_reads_a_childs_records_masked_and_the_village_in_full(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var township = fixture.Township;
        var id = Sql.Strings(Db, $"""
            SELECT a.assist_id FROM assistance a JOIN member m ON m.member_id = a.member_id
            WHERE a.township_code = @t AND NOT ({Minors.Adult("m.")}) ORDER BY a.assist_id LIMIT 1
            """, ("@t", township))[0];
        var village = Sql.Text(Db, "SELECT village_code FROM assistance WHERE assist_id = @a", ("@a", id))!;
        const string Query = "query($id: String!) { assistanceMeasure(id: $id) { id memberId item category amount channel } }";
        var masked = (await WarehouseApp.DataAsync(Client("township"), Query, new { id }))["assistanceMeasure"]!;
        Assert.Equal(id, masked["id"]!.GetValue<string>());
        Assert.Null(masked["item"]);
        Assert.Null(masked["category"]);
        Assert.Null(masked["amount"]);
        Assert.NotNull(masked["channel"]); // internal, not about the child
        var full = (await WarehouseApp.DataAsync(fixture.App.ClientFor("village", village), Query, new { id }))["assistanceMeasure"]!;
        Assert.Equal(Sql.Text(Db, "SELECT item FROM assistance WHERE assist_id = @a", ("@a", id)), full["item"]!.GetValue<string>());
    }

    // Observation 7: aggregates were never audited, even when they touched protected people.
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Protected_aggregates_are_audited_and_plain_ones_are_not(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var township = fixture.Township;
        var client = fixture.App.ClientFor("county", fixture.County, user: "aggregate-auditee");
        var data = await WarehouseApp.DataAsync(client, """
            query Stats($t: String!) {
              members: membersAggregate(where: {townshipCode: {eq: $t}}, groupBy: [VILLAGE_CODE, HEALTH_STATUS]) { withheldGroups groups { count } }
              households: householdsAggregate(groupBy: [MONITOR_TYPE]) { groups { count } }
            }
            """, new { t = township });
        using var c = Db.Connect();
        using var cmd = Sql.Command(Db, c,
            "SELECT type_name, row_count, detail, operation FROM sec_audit_record WHERE user_id = 'aggregate-auditee' AND kind = 'AGGREGATE'", []);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), "no AGGREGATE audit record");
        Assert.Equal("Member", r.GetString(0));
        Assert.Equal(data["members"]!["groups"]!.AsArray().Count, r.GetInt32(1));
        var detail = JsonNode.Parse(r.GetString(2))!;
        Assert.Equal(township, detail["where"]!["townshipCode"]!["eq"]!.GetValue<string>());
        Assert.Equal(["villageCode", "healthStatus"], detail["groupBy"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(data["members"]!["withheldGroups"]!.GetValue<int>(), detail["withheld"]!.GetValue<int>());
        Assert.Equal("Stats", r.GetString(3));
        Assert.False(r.Read(), "the households aggregate is not protected and must not be recorded as one");

        var where = Uri.EscapeDataString("{\"townshipCode\":{\"eq\":\"" + township + "\"}}");
        var export = await ExportHttp.GetAsync(client, "/export/aggregate/members.csv?groupBy=villageCode,gender&where=" + where);
        Assert.Equal(200, export.Status);
        var exported = JsonNode.Parse(Sql.Text(Db, "SELECT detail FROM sec_audit_record WHERE user_id = 'aggregate-auditee' AND kind = 'EXPORT'")!)!;
        Assert.True(exported["protected"]!.GetValue<bool>());
        Assert.NotNull(exported["withheld"]);
    }

    /// <summary>key → (count, households), from SQL whose first three columns are those.</summary>
    private static Dictionary<string, (long Count, long Households)> Truth(TestDatabase db, string sql, params (string Name, object Value)[] parameters) =>
        Aggregation.AggregateAssert.Rows(db, sql, parameters).ToDictionary(r => r[0],
            r => (long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)),
                StringComparer.Ordinal);
}
