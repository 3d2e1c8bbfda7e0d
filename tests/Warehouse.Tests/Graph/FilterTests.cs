using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>Every filter operator, and/or/not and relation filters, against the same condition in plain SQL.</summary>
public sealed class FilterTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    private const string HouseholdQuery = """
        query($w: HouseholdFilterInput) { households(where: $w, order: [{id: ASC}], first: 500) { totalCount nodes { id } } }
        """;

    public static TheoryData<DatabaseProvider, string, string, string> HouseholdCasesByProvider => Providers.With(HouseholdCases);

    public static TheoryData<string, string, string> HouseholdCases => new()
    {
        { "string eq", """{"monitorType": {"eq": "边缘易致贫户"}}""", "monitor_type = '边缘易致贫户'" },
        { "string neq", """{"safetyNet": {"neq": "无"}}""", "safety_net <> '无'" },
        { "string in", """{"safetyNet": {"in": ["低保", "特困"]}}""", "safety_net IN ('低保','特困')" },
        { "string nin", """{"housingSafety": {"nin": ["A", "B"]}}""", "housing_safety NOT IN ('A','B')" },
        { "string contains", """{"resettleMode": {"contains": "集中"}}""", "instr(resettle_mode, '集中') > 0" },
        { "string ncontains", """{"resettleMode": {"ncontains": "城镇"}}""", "NOT (resettle_mode IS NOT NULL AND instr(resettle_mode, '城镇') > 0)" },
        { "string startsWith", """{"villageCode": {"startsWith": "1399011"}}""", "village_code LIKE '1399011%'" },
        { "string endsWith", """{"id": {"endsWith": "7"}}""", "household_id LIKE '%7'" },
        { "null eq", """{"monitorType": {"eq": null}}""", "monitor_type IS NULL" },
        { "null neq", """{"riskClearedAt": {"neq": null}}""", "risk_cleared_at IS NOT NULL" },
        { "int gt", """{"householdSize": {"gt": 4}}""", "household_size > 4" },
        { "int gte lte", """{"householdSize": {"gte": 2, "lte": 3}}""", "household_size BETWEEN 2 AND 3" },
        { "int lt", """{"exitYear": {"lt": 2016}}""", "exit_year < 2016" },
        { "int in", """{"householdSize": {"in": [1, 5]}}""", "household_size IN (1,5)" },
        { "money lt", """{"perCapitaNetIncome": {"lt": 8500}}""", "per_capita_net_income_fen < 850000" },
        { "money gte decimals", """{"transferIncome": {"gte": 5000.5}}""", "transfer_income_fen >= 500050" },
        { "date gt", """{"monitoredAt": {"gt": "2024-06-30"}}""", "monitored_at > '2024-06-30'" },
        { "date lte", """{"monitoredAt": {"lte": "2022-01-31"}}""", "monitored_at <= '2022-01-31'" },
        { "bool eq", """{"relocated": {"eq": true}}""", "relocated = 1" },
        { "bool neq", """{"waterSafe": {"neq": true}}""", "water_safe <> 1" },
        { "list some eq", """{"riskTypes": {"some": {"eq": "因病"}}}""", "',' || risk_types || ',' LIKE '%,因病,%'" },
        { "list some in", """{"riskTypes": {"some": {"in": ["因学", "因残"]}}}""",
            "(',' || risk_types || ',' LIKE '%,因学,%' OR ',' || risk_types || ',' LIKE '%,因残,%')" },
        { "list none", """{"monitorType": {"neq": null}, "riskTypes": {"none": {"eq": "因病"}}}""",
            "monitor_type IS NOT NULL AND NOT (risk_types IS NOT NULL AND ',' || risk_types || ',' LIKE '%,因病,%')" },
        { "and", """{"and": [{"householdSize": {"eq": 1}}, {"safetyNet": {"eq": "低保"}}]}""", "household_size = 1 AND safety_net = '低保'" },
        { "or", """{"or": [{"householdSize": {"eq": 6}}, {"safetyNet": {"eq": "特困"}}]}""", "household_size = 6 OR safety_net = '特困'" },
        { "not", """{"not": {"householdAttr": {"eq": "脱贫户"}}}""", "NOT (household_attr = '脱贫户')" },
        { "members some", """{"members": {"some": {"healthStatus": {"eq": "残疾"}}}}""",
            "EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.health_status = '残疾' AND m.birth_date <= date('now', '-14 years'))" },
        { "members none", """{"members": {"none": {"workStatus": {"neq": "未务工"}}}}""",
            "NOT EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND m.work_status <> '未务工' AND m.birth_date <= date('now', " +
                "'-14 years'))" },
        { "members all", """{"members": {"all": {"medIns": {"eq": true}}}}""",
            "NOT EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND NOT (m.med_ins = 1) AND m.birth_date <= date('now', '-14 years'))" },
        { "assistance any false", """{"assistance": {"any": false}}""",
            // Assistance for a child under 14 follows the child's rule: the county's relation filters do not see it.
            $"NOT EXISTS (SELECT 1 FROM assistance a WHERE a.household_id = h.household_id AND {Minors.AboutAdult("a.member_id")})" },
        { "nested relation", """{"members": {"some": {"jobs": {"some": {"empForm": {"eq": "帮扶车间"}}}}}}""",
            "EXISTS (SELECT 1 FROM member m JOIN employment e ON e.member_id = m.member_id WHERE m.household_id = h.household_id AND e.emp_form = " +
                "'帮扶车间' AND m.birth_date <= date('now', '-14 years'))" },
        { "reference", """{"village": {"isExitedVillage": {"eq": true}}}""",
            "EXISTS (SELECT 1 FROM region r WHERE r.code = h.village_code AND r.is_exited_village = 1)" },
    };

    // The county reads no minors' member rows (aggregate-only), so relation filters through members see adults only.
    [ProviderTheory]
    [MemberData(nameof(HouseholdCasesByProvider))]
    public async Task Household_filters_match_sql(DatabaseProvider provider, string name, string where, string sqlCondition)
    {
        var fixture = fixtures[provider];
        Assert.NotEmpty(name);
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, HouseholdQuery, new { w = JsonNode.Parse(where) });
        var expectedTotal = Sql.Scalar(fixture.App.Database, $"SELECT COUNT(*) FROM household h WHERE {sqlCondition}");
        var expectedIds = Sql.Strings(fixture.App.Database, $"SELECT household_id FROM household h WHERE {sqlCondition} ORDER BY household_id LIMIT 500");
        Assert.True(expectedTotal > 0, $"the case '{name}' selects nothing in the test county; it would prove nothing");
        Assert.Equal(expectedTotal, data["households"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(expectedIds, data["households"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Projects_filtered_through_beneficiaries_and_funds_match_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, """
            { projects(where: {funds: {some: {sourceType: {eq: "以工代赈"}}}, beneficiaries: {some: {monitorType: {neq: null}}}}, first: 500, order:
              [{code: ASC}]) { totalCount nodes { code } } }
            """);
        var expected = Sql.Strings(fixture.App.Database, """
            SELECT p.project_code FROM project p
            WHERE EXISTS (SELECT 1 FROM fund_allocation a WHERE a.project_code = p.project_code AND a.source_type = '以工代赈')
              AND EXISTS (SELECT 1 FROM project_beneficiary b JOIN household h ON h.household_id = b.household_id
                          WHERE b.project_code = p.project_code AND h.monitor_type IS NOT NULL)
            ORDER BY p.project_code
            """);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, data["projects"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList());
    }
}
