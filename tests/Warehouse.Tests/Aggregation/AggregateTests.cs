using System.Text.Json.Nodes;
using Warehouse.Aggregation;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Querying;
using Warehouse.Security;
using Warehouse.Tests.Graph;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Aggregation;

/// <summary>Operators, keys, having/order/first, scope per role, permissions and small-cell suppression, against plain SQL.</summary>
[Collection(SqlLogCollection.Name)]
public sealed class AggregateTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    // xunit makes a new instance per test case: each test sets the provider's app first.
    private ProviderApp fixture = null!;

    private TestDatabase Db => fixture.App.Database;

    private async Task<JsonNode> Aggregate(string role, string region, string query, string root, object? variables = null) =>
        (await WarehouseApp.DataAsync(fixture.App.ClientFor(role, region), query, variables))[root]!;

    public static TheoryData<DatabaseProvider, string, string, string> OperatorCasesByProvider => Providers.With(OperatorCases);

    public static TheoryData<string, string, string> OperatorCases => new()
    {
        {
            "all operators by a text key",
            "householdsAggregate(groupBy: [HOUSEHOLD_ATTR]) { groups { keys { householdAttr } count countDistinct { villageCode } sum { netIncome " +
                "householdSize } avg { perCapitaNetIncome householdSize } min { perCapitaNetIncome exitYear } max { transferIncome exitYear } } }",
            """
            SELECT household_attr, COUNT(*), COUNT(DISTINCT village_code), SUM(net_income_fen) / 100.0, SUM(household_size),
                   AVG(per_capita_net_income_fen) / 100.0, AVG(household_size), MIN(per_capita_net_income_fen) / 100.0, MIN(exit_year),
                   MAX(transfer_income_fen) / 100.0, MAX(exit_year)
            FROM household GROUP BY 1 ORDER BY 1
            """
        },
        { "no groupBy: one group", "householdsAggregate { groups { count sum { rigidExpense } } }",
            "SELECT COUNT(*), SUM(rigid_expense_fen) / 100.0 FROM household" },
        { "int key", "householdsAggregate(groupBy: [HOUSEHOLD_SIZE]) { groups { keys { householdSize } count } }",
            "SELECT household_size, COUNT(*) FROM household GROUP BY 1 ORDER BY 1" },
        { "boolean keys", "householdsAggregate(groupBy: [RELOCATED, WATER_SAFE]) { groups { keys { relocated waterSafe } count } }",
            "SELECT relocated, water_safe, COUNT(*) FROM household GROUP BY 1, 2 ORDER BY 1, 2" },
        { "date key", "householdsAggregate(groupBy: [RISK_CLEARED_AT], first: 50) { groups { keys { riskClearedAt } count } }",
            "SELECT risk_cleared_at, COUNT(*) FROM household GROUP BY 1 ORDER BY 1 LIMIT 50" },
        { "year of a date", "householdsAggregate(groupBy: [MONITORED_AT_YEAR]) { groups { keys { monitoredAtYear } count } }",
            "SELECT CAST(strftime('%Y', monitored_at) AS INTEGER), COUNT(*) FROM household GROUP BY 1 ORDER BY 1" },
        { "month of a date", "householdsAggregate(groupBy: [MONITORED_AT_MONTH]) { groups { keys { monitoredAtMonth } count } }",
            "SELECT strftime('%Y-%m', monitored_at), COUNT(*) FROM household GROUP BY 1 ORDER BY 1" },
        { "region names",
            "householdsAggregate(groupBy: [COUNTY_NAME, TOWNSHIP_NAME, VILLAGE_CODE], first: 40) { groups { keys { countyName townshipName " +
            "villageCode } count } }",
            "SELECT c.name, t.name, h.village_code, COUNT(*) FROM household h JOIN region c ON c.code = h.county_code JOIN region t ON t.code = " +
                "h.township_code GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 40" },
        { "having and order by a measure, first",
            "householdsAggregate(groupBy: [VILLAGE_CODE], having: [{measure: COUNT, gte: 20}, {measure: AVG_PER_CAPITA_NET_INCOME, lt: 15000}], " +
            "order: [{measure: SUM_NET_INCOME, direction: DESC}], first: 7) { groups { keys { villageCode } count } }",
            "SELECT village_code, COUNT(*) FROM household GROUP BY 1 HAVING COUNT(*) >= 20 AND AVG(per_capita_net_income_fen) < 1500000 ORDER BY " +
                "SUM(net_income_fen) DESC, 1 LIMIT 7" },
        { "order by a key descending",
            "householdsAggregate(groupBy: [SAFETY_NET, MONITOR_TYPE], order: [{key: MONITOR_TYPE, direction: DESC}]) { groups { keys { safetyNet " +
            "monitorType } count } }",
            "SELECT safety_net, monitor_type, COUNT(*) FROM household GROUP BY 1, 2 ORDER BY 2 DESC, 1, 2" },
        { "where as the list",
            "householdsAggregate(where: {members: {some: {healthStatus: {eq: \"残疾\"}}}, perCapitaNetIncome: {lt: 12000}}, groupBy: " +
            "[TOWNSHIP_CODE]) { groups { keys { townshipCode } count } }",
            "SELECT township_code, COUNT(*) FROM household h WHERE per_capita_net_income_fen < 1200000 AND EXISTS (SELECT 1 FROM member m WHERE " +
                "m.household_id = h.household_id AND m.health_status = '残疾' AND m.birth_date <= date('now', '-14 years')) GROUP BY 1 ORDER BY 1" },
        { "having on a rate",
            "householdsAggregate(groupBy: [VILLAGE_CODE], having: [{measure: SHARE_BELOW_8500, gt: 0.2}]) { groups { keys { villageCode } shareBelow8500 } }",
            "SELECT village_code, AVG(CASE WHEN per_capita_net_income_fen < 850000 THEN 1.0 ELSE 0 END) FROM household GROUP BY 1 HAVING AVG(CASE " +
                "WHEN per_capita_net_income_fen < 850000 THEN 1.0 ELSE 0 END) > 0.2 ORDER BY 1" },
    };

    [ProviderTheory]
    [MemberData(nameof(OperatorCasesByProvider))]
    public async Task Operators_and_keys_match_sql(DatabaseProvider provider, string name, string selection, string sql)
    {
        fixture = fixtures[provider];
        Assert.NotEmpty(name);
        var root = System.Text.RegularExpressions.Regex.Match(selection, "^[A-Za-z]+").Value;
        var result = await Aggregate("county", fixture.County, "{ " + selection + " }", root);
        Assert.NotEmpty(result["groups"]!.AsArray());
        AggregateAssert.Equal(Db, result, sql);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task One_sql_statement_with_one_group_by_and_parameters_only(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        fixture.App.SqlLog.Clear();
        await Aggregate("township", fixture.Township, """
            { householdsAggregate(where: {safetyNet: {eq: "低保"}}, groupBy: [VILLAGE_NAME], having: [{measure: COUNT, gt: 1}]) { groups { keys {
              villageName } count sum { netIncome } } } }
            """, "householdsAggregate");
        var data = fixture.App.SqlLog.Commands.Where(c => c.Contains(provider == DatabaseProvider.Sqlite ? "api_households" : "api.households",
            StringComparison.Ordinal)).ToList();
        var sql = Assert.Single(data);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sql, "GROUP BY"));
        Assert.DoesNotContain("低保", sql, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Township, sql, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "county")]
    [InlineData(DatabaseProvider.PostgreSql, "county")]
    [InlineData(DatabaseProvider.Sqlite, "township")]
    [InlineData(DatabaseProvider.PostgreSql, "township")]
    [InlineData(DatabaseProvider.Sqlite, "village")]
    [InlineData(DatabaseProvider.PostgreSql, "village")]
    public async Task Scope_per_role_equals_sql_restricted_to_the_region(DatabaseProvider provider, string role)
    {
        fixture = fixtures[provider];
        var (region, column) = role switch
        {
            "county" => (fixture.County, "county_code"),
            "township" => (fixture.Township, "township_code"),
            _ => (fixture.Village, "village_code"),
        };
        var households = await Aggregate(role, region, """
            { householdsAggregate(where: {householdSize: {gte: 2}}, groupBy: [MONITOR_TYPE]) { groups { keys { monitorType } count sum { netIncome } } } }
            """, "householdsAggregate");
        AggregateAssert.Equal(Db, households,
            $"SELECT monitor_type, COUNT(*), SUM(net_income_fen) / 100.0 FROM household WHERE {column} = $r AND household_size >= 2 GROUP BY 1 ORDER BY 1",
            ("$r", region));
        // Members by work status: exact for the village; the township reads a child's personal fields as null, in
        // aggregates as in lists; the county does not read children's records one by one, so its answer is protected
        // (every count within the noise of ±2).
        var members = await Aggregate(role, region,
            "{ membersAggregate(groupBy: [WORK_STATUS]) { protected groups { keys { workStatus } count laborForce } } }", "membersAggregate");
        Assert.Equal(role == "county", members["protected"]!.GetValue<bool>());
        var workStatus = role == "township" ? $"CASE WHEN {Minors.Adult()} THEN work_status END" : "work_status";
        var laborCapacity = role == "township" ? $"CASE WHEN {Minors.Adult()} THEN labor_capacity END" : "labor_capacity";
        AggregateAssert.Near(Db, members, $"""
            SELECT {workStatus}, COUNT(*), COALESCE(SUM(CASE WHEN {laborCapacity} IN ('普通劳动力','技能劳动力') THEN 1 ELSE 0 END), 0)
            FROM member WHERE {column} = $r GROUP BY 1 ORDER BY 1
            """, role == "county" ? 2 : 0, ("$r", region));
        // Published entities are county-wide for every role.
        var projects = await Aggregate(role, region, "{ projectsAggregate(groupBy: [TYPE]) { groups { keys { type } count } } }", "projectsAggregate");
        AggregateAssert.Equal(Db, projects, "SELECT type, COUNT(*) FROM project GROUP BY 1 ORDER BY 1");
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_relation_filter_stays_inside_the_scope(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        // Township: households of other townships never count, even through a project's beneficiaries.
        var t = fixture.Township;
        var result = await Aggregate("township", t, """
            { householdsAggregate(where: {village: {isExitedVillage: {eq: true}}}) { groups { count } } }
            """, "householdsAggregate");
        AggregateAssert.Equal(Db, result,
            "SELECT COUNT(*) FROM household h JOIN region r ON r.code = h.village_code WHERE h.township_code = $t AND r.is_exited_village = 1 " +
            "HAVING COUNT(*) > 0", ("$t", t));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Members_rates_match_sql_for_the_village(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var v = fixture.Village;
        var result = await Aggregate("village", v,
            "{ membersAggregate(groupBy: [GENDER]) { protected groups { keys { gender } count laborForce employed employmentRate } } }", "membersAggregate");
        Assert.False(result["protected"]!.GetValue<bool>());
        AggregateAssert.Equal(Db, result, """
            SELECT gender, COUNT(*), SUM(CASE WHEN labor_capacity IN ('普通劳动力','技能劳动力') THEN 1 ELSE 0 END), SUM(CASE WHEN labor_capacity IN
              ('普通劳动力','技能劳动力') AND work_status <> '未务工' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN labor_capacity IN ('普通劳动力','技能劳动力') AND work_status <> '未务工' THEN 1 ELSE 0 END) * 1.0 / SUM(CASE WHEN labor_capacity
                     IN ('普通劳动力','技能劳动力') THEN 1 ELSE 0 END)
            FROM member WHERE village_code = $v GROUP BY 1 ORDER BY 1
            """, ("$v", v));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Aggregate_only_fields_make_the_aggregate_protected(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var t = fixture.Township;
        var result = await Aggregate("township", t, """
            { membersAggregate(groupBy: [VILLAGE_CODE, ETHNICITY]) { protected withheldGroups groups { keys { villageCode ethnicity } count
              countDistinct { householdId } } } }
            """, "membersAggregate");
        Assert.True(result["protected"]!.GetValue<bool>());
        // The township reads a child's personal fields as null, in aggregates as in lists.
        var expected = AggregateAssert.Rows(Db,
            $"SELECT village_code, CASE WHEN {Minors.Adult()} THEN ethnicity END, COUNT(*), COUNT(DISTINCT household_id) FROM member WHERE " +
            $"township_code = $t GROUP BY 1, 2 ORDER BY 1, 2", ("$t", t));
        var shown = AggregateAssert.Groups(result);
        Assert.Equal(expected.Count, shown.Count + result["withheldGroups"]!.GetValue<int>());
        Assert.True(result["withheldGroups"]!.GetValue<int>() > 0);
        foreach (var group in shown)
        {
            var truth = expected.Single(e => e[0] == group[0] && e[1] == group[1]);
            Assert.InRange(double.Parse(group[2], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(truth[2], System.Globalization.CultureInfo.InvariantCulture) - 2,
                double.Parse(truth[2], System.Globalization.CultureInfo.InvariantCulture) + 2);
            Assert.True(double.Parse(group[2], System.Globalization.CultureInfo.InvariantCulture) >= 5
                && double.Parse(group[3], System.Globalization.CultureInfo.InvariantCulture) >= 5);
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Having_and_order_apply_to_the_perturbed_values(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var t = fixture.Township;
        var result = await Aggregate("township", t, """
            { membersAggregate(groupBy: [VILLAGE_CODE, ETHNICITY], having: [{measure: COUNT, gte: 6}], order: [{measure: COUNT, direction: DESC}],
              first: 5) { groups { count } } }
            """, "membersAggregate");
        var counts = result["groups"]!.AsArray().Select(g => g!["count"]!.GetValue<long>()).ToList();
        Assert.Equal(5, counts.Count);
        Assert.All(counts, c => Assert.True(c >= 6));
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Full_fields_are_exact_and_the_village_reads_ethnicity_in_full(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var v = fixture.Village;
        var result = await Aggregate("village", v,
            "{ membersAggregate(groupBy: [ETHNICITY]) { protected withheldGroups groups { keys { ethnicity } count } } }", "membersAggregate");
        Assert.False(result["protected"]!.GetValue<bool>());
        AggregateAssert.Equal(Db, result, "SELECT ethnicity, COUNT(*) FROM member WHERE village_code = $v GROUP BY 1 ORDER BY 1", ("$v", v));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Aggregate_only_fields_cannot_be_filtered_on(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var body = await WarehouseApp.PostAsync(fixture.App.ClientFor("township", fixture.Township),
            """{ membersAggregate(where: {ethnicity: {eq: "满族"}}) { groups { count } } }""", expectStatus: null);
        Assert.NotNull(body["errors"]);
        Assert.Null(body["data"]?["membersAggregate"]);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Hidden_and_masked_fields_are_absent_from_the_role_enums(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        // disabilityTypeGrade is MASKED for the village; diseaseName HIDDEN for all: neither can be named.
        var client = fixture.App.ClientFor("village", fixture.Village);
        foreach (var query in new[]
                 {
                     "{ membersAggregate(groupBy: [DISEASE_NAME]) { groups { count } } }",
                     "{ membersAggregate { groups { countDistinct { diseaseName } } } }",
                     "{ membersAggregate(order: [{measure: COUNT_DISTINCT_DISABILITY_TYPE_GRADE}]) { groups { count } } }",
                     "{ householdsAggregate { groups { countDistinct { bankAccount } } } }",
                 })
        {
            var body = await WarehouseApp.PostAsync(client, query, expectStatus: null);
            Assert.NotNull(body["errors"]);
            Assert.Null(body["data"]);
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Percentiles_match_percentile_cont_computed_in_sql(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        // Money and whole numbers, several percentiles of one field, and a field with nulls (exit year: nulls ignored,
        // a group with none gives null).
        var result = await Aggregate("county", fixture.County,
            "{ householdsAggregate(groupBy: [HOUSEHOLD_ATTR]) { groups { keys { householdAttr } count median { perCapitaNetIncome householdSize } "
            + "p90 { perCapitaNetIncome } p25 { exitYear } p75 { exitYear } } } }", "householdsAggregate");
        string Per(string value, params double[] ps) => PercentileSql.Per("household", ["household_attr"], value, ps);
        AggregateAssert.Equal(Db, result, $"""
            SELECT h.household_attr, COUNT(*), MAX(a.p0) / 100.0, MAX(b.p0), MAX(a.p1) / 100.0, MAX(c.p0), MAX(c.p1)
            FROM household h
            LEFT JOIN ({Per("per_capita_net_income_fen", 0.5, 0.9)}) a ON a.k0 IS h.household_attr
            LEFT JOIN ({Per("household_size", 0.5)}) b ON b.k0 IS h.household_attr
            LEFT JOIN ({Per("exit_year", 0.25, 0.75)}) c ON c.k0 IS h.household_attr
            GROUP BY 1 ORDER BY 1
            """);
        Assert.Contains(AggregateAssert.Groups(result), g => g[2] != "null");
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Percentiles_read_the_same_rows_as_the_aggregate(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        // The where and the keys of the GROUP BY hold for the percentile values too, with two keys and a region name.
        var result = await Aggregate("county", fixture.County,
            "{ householdsAggregate(where: {perCapitaNetIncome: {lt: 12000}}, groupBy: [TOWNSHIP_NAME, RELOCATED], first: 30) { groups { keys { " +
                "townshipName relocated } count median { netIncome } p75 { householdSize } } } }",
            "householdsAggregate");
        const string Rows = "(SELECT h.*, t.name AS township_name FROM household h JOIN region t ON t.code = h.township_code WHERE " +
            "h.per_capita_net_income_fen < 1200000)";
        AggregateAssert.Equal(Db, result, $"""
            SELECT h.township_name, h.relocated, COUNT(*), MAX(a.p0) / 100.0, MAX(b.p0) FROM {Rows} h
            LEFT JOIN ({PercentileSql.Per(Rows, ["township_name", "relocated"], "net_income_fen", 0.5)}) a ON a.k0 IS h.township_name AND a.k1 IS h.relocated
            LEFT JOIN ({PercentileSql.Per(Rows, ["township_name", "relocated"], "household_size", 0.75)}) b ON b.k0 IS h.township_name AND b.k1 IS h.relocated
            GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 30
            """);
        var all = await Aggregate("county", fixture.County, "{ householdsAggregate { groups { median { perCapitaNetIncome } } } }", "householdsAggregate");
        AggregateAssert.Equal(Db, all, $"SELECT p0 / 100.0 FROM ({PercentileSql.Per("household", [], "per_capita_net_income_fen", 0.5)}) AS q");
    }

    // Planning only: no database is read, so one provider is enough.
    [Theory]
    [InlineData("having")]
    [InlineData("order")]
    public void Percentiles_cannot_filter_or_order_groups(string use)
    {
        var engine = new AggregateEngine(null!, new AggregationOptions());
        var access = new AccessContext("u", "county", fixtures.County, false, PermissionSnapshot.FromCatalogue(WarehouseCatalogue.Default));
        var request = new AggregateRequest
        {
            Entity = WarehouseCatalogue.Default.Require("Household"),
            GroupBy = ["villageCode"],
            Measures = ["median.perCapitaNetIncome"],
            Having = use == "having" ? [new HavingCondition("median.perCapitaNetIncome", "gt", 1000)] : [],
            Order = use == "order" ? [new AggregateOrder(null, "median.perCapitaNetIncome", true)] : [],
        };
        var error = Assert.Throws<QueryException>(() => engine.Plan(access, request));
        Assert.Equal(use == "having" ? ErrorCodes.InvalidFilter : ErrorCodes.InvalidOrder, error.Code);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Percentiles_refuse_to_read_more_than_the_bound(DatabaseProvider provider)
    {
        fixture = fixtures[provider];
        var factory = (Warehouse.Data.ReadContexts)fixture.App.Services.GetService(typeof(Warehouse.Data.ReadContexts))!;
        var access = new AccessContext("u", "county", fixture.County, false, PermissionSnapshot.FromCatalogue(WarehouseCatalogue.Default));
        var households = WarehouseCatalogue.Default.Require("Household");
        var withValue = Sql.Scalar(Db, "SELECT COUNT(*) FROM household WHERE household_size IS NOT NULL");
        AggregateRequest Request() => new() { Entity = households, GroupBy = ["townshipCode"], Measures = ["count", "median.householdSize"] };

        var tight = new AggregateEngine(factory, new AggregationOptions { MaxPercentileRows = (int)withValue - 1 });
        var error = await Assert.ThrowsAsync<QueryException>(() => tight.RunAsync(access, Request(), CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidValue, error.Code);
        // At the bound exactly, the same request is answered; without percentiles the bound does not apply.
        var exact = new AggregateEngine(factory, new AggregationOptions { MaxPercentileRows = (int)withValue });
        Assert.NotEmpty((await exact.RunAsync(access, Request(), CancellationToken.None)).Groups);
        var plain = await tight.RunAsync(access, new AggregateRequest { Entity = households, GroupBy = ["townshipCode"], Measures = ["count"] },
            CancellationToken.None);
        Assert.NotEmpty(plain.Groups);
    }

    // Planning only: no database is read, so one provider is enough.
    [Theory]
    [InlineData("M", ErrorCodes.FieldMasked)]
    [InlineData("H", ErrorCodes.FieldHidden)]
    public void The_engine_refuses_masked_and_hidden_fields_whatever_the_schema(string grant, string code)
    {
        fixture = fixtures[DatabaseProvider.Sqlite];
        var monitorType = WarehouseCatalogue.Default.Require("Household").Field("monitorType")!;
        var snapshot = new PermissionSnapshot(7, [KeyValuePair.Create(("township", "Household", "monitorType"), grant == "M" ? Grant.M : Grant.H)]);
        var access = new AccessContext("u", "township", fixture.Township, false, snapshot);
        var engine = new AggregateEngine(null!, new AggregationOptions());
        var households = monitorType.Entity;
        var asKey = Assert.Throws<QueryException>(() => engine.Plan(access, new AggregateRequest { Entity = households, GroupBy = ["monitorType"] }));
        Assert.Equal(code, asKey.Code);
        var asMeasure = Assert.Throws<QueryException>(() => engine.Plan(access, new AggregateRequest
        {
            Entity = households,
            Measures = ["countDistinct.monitorType"]
        }));
        Assert.Equal(code, asMeasure.Code);
        // With the field aggregate-only, the same request is allowed and suppressed.
        var aggregateOnly = new AccessContext("u", "township", fixture.Township, false,
            new PermissionSnapshot(8, [KeyValuePair.Create(("township", "Household", "monitorType"), Grant.A)]));
        Assert.True(engine.Plan(aggregateOnly, new AggregateRequest { Entity = households, GroupBy = ["monitorType"] }).Protected);
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "{ householdsAggregate(first: 0) { groups { count } } }", ErrorCodes.InvalidPaging)]
    [InlineData(DatabaseProvider.PostgreSql, "{ householdsAggregate(first: 0) { groups { count } } }", ErrorCodes.InvalidPaging)]
    [InlineData(DatabaseProvider.Sqlite, "{ householdsAggregate(first: 10001) { groups { count } } }", ErrorCodes.InvalidPaging)]
    [InlineData(DatabaseProvider.PostgreSql, "{ householdsAggregate(first: 10001) { groups { count } } }", ErrorCodes.InvalidPaging)]
    [InlineData(DatabaseProvider.Sqlite, "{ householdsAggregate(groupBy: [VILLAGE_CODE, VILLAGE_CODE]) { groups { count } } }", ErrorCodes.InvalidValue)]
    [InlineData(DatabaseProvider.PostgreSql, "{ householdsAggregate(groupBy: [VILLAGE_CODE, VILLAGE_CODE]) { groups { count } } }", ErrorCodes.InvalidValue)]
    [InlineData(DatabaseProvider.Sqlite, "{ householdsAggregate(groupBy: [VILLAGE_CODE], order: [{key: TOWNSHIP_CODE}]) { groups { count } } }",
        ErrorCodes.InvalidOrder)]
    [InlineData(DatabaseProvider.PostgreSql, "{ householdsAggregate(groupBy: [VILLAGE_CODE], order: [{key: TOWNSHIP_CODE}]) { groups { count } } }",
        ErrorCodes.InvalidOrder)]
    [InlineData(DatabaseProvider.Sqlite, "{ householdsAggregate(order: [{}]) { groups { count } } }", ErrorCodes.InvalidOrder)]
    [InlineData(DatabaseProvider.PostgreSql, "{ householdsAggregate(order: [{}]) { groups { count } } }", ErrorCodes.InvalidOrder)]
    [InlineData(DatabaseProvider.Sqlite, "{ householdsAggregate(having: [{measure: COUNT}]) { groups { count } } }", ErrorCodes.InvalidFilter)]
    [InlineData(DatabaseProvider.PostgreSql, "{ householdsAggregate(having: [{measure: COUNT}]) { groups { count } } }", ErrorCodes.InvalidFilter)]
    public async Task Bad_arguments_are_coded_errors(DatabaseProvider provider, string query, string code)
    {
        fixture = fixtures[provider];
        var body = await WarehouseApp.PostAsync(fixture.App.ClientFor("county", fixture.County), query);
        Assert.Equal(code, WarehouseApp.FirstErrorCode(body));
    }
}
