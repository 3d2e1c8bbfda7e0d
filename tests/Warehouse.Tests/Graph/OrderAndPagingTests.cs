using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>Multi-column order, related-field order, keyset paging both ways, totalCount and pageInfo, against SQL.</summary>
public sealed class OrderAndPagingTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Multi_column_order_matches_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client,
            "{ households(order: [{householdSize: DESC}, {perCapitaNetIncome: ASC}], first: 120) { nodes { id } } }");
        var expected = Sql.Strings(fixture.App.Database,
            "SELECT household_id FROM household ORDER BY household_size DESC, per_capita_net_income_fen ASC, household_id LIMIT 120");
        Assert.Equal(expected, Ids(data["households"]!));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Order_by_related_scalar_matches_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client,
            "{ members(order: [{household: {perCapitaNetIncome: DESC}}, {id: ASC}], first: 60) { nodes { id } } }");
        var expected = Sql.Strings(fixture.App.Database, $"""
            SELECT m.member_id FROM member m JOIN household h ON h.household_id = m.household_id
            WHERE {Minors.Adult("m.")}
            ORDER BY h.per_capita_net_income_fen DESC, m.member_id LIMIT 60
            """);
        Assert.Equal(expected, Ids(data["members"]!));
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, """[{"perCapitaNetIncome": "ASC"}]""", "per_capita_net_income_fen ASC, household_id ASC")]
    [InlineData(DatabaseProvider.PostgreSql, """[{"perCapitaNetIncome": "ASC"}]""", "per_capita_net_income_fen ASC, household_id ASC")]
    [InlineData(DatabaseProvider.Sqlite, """[{"monitoredAt": "DESC"}, {"householdSize": "ASC"}]""",
        "monitored_at DESC NULLS LAST, household_size ASC, household_id ASC")]
    [InlineData(DatabaseProvider.PostgreSql, """[{"monitoredAt": "DESC"}, {"householdSize": "ASC"}]""",
        "monitored_at DESC NULLS LAST, household_size ASC, household_id ASC")]
    [InlineData(DatabaseProvider.Sqlite, """[{"monitorType": "ASC"}]""", "monitor_type ASC NULLS FIRST, household_id ASC")]
    [InlineData(DatabaseProvider.PostgreSql, """[{"monitorType": "ASC"}]""", "monitor_type ASC NULLS FIRST, household_id ASC")]
    [InlineData(DatabaseProvider.Sqlite, """[{"updatedAt": "ASC"}]""", "updated_at ASC, household_id ASC")]
    [InlineData(DatabaseProvider.PostgreSql, """[{"updatedAt": "ASC"}]""", "updated_at ASC, household_id ASC")]
    [InlineData(DatabaseProvider.Sqlite, """[{"updatedAt": "DESC"}, {"householdSize": "DESC"}]""", "updated_at DESC, household_size DESC, household_id ASC")]
    [InlineData(DatabaseProvider.PostgreSql, """[{"updatedAt": "DESC"}, {"householdSize": "DESC"}]""",
        "updated_at DESC, household_size DESC, household_id ASC")]
    public async Task Paging_forward_and_backward_covers_the_set_in_order(DatabaseProvider provider, string order, string sqlOrder)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("township", fixture.Township);
        var township = fixture.Township;
        var expected = Sql.Strings(fixture.App.Database,
            $"SELECT household_id FROM household WHERE township_code = @t AND household_size <= 3 ORDER BY {sqlOrder}", ("@t", township));
        Assert.True(expected.Count > 150, "the township needs enough households to page through");

        const string forward = """
            query($order: [HouseholdSortInput!], $after: String) {
              households(where: {householdSize: {lte: 3}}, order: $order, first: 70, after: $after) {
                totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }
            """;
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await WarehouseApp.DataAsync(client, forward, new { order = JsonNode.Parse(order), after }))["households"]!;
            Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
            Assert.Equal(pages > 0, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            seen.AddRange(Ids(page));
            pages++;
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.Equal(expected, seen);

        const string backward = """
            query($order: [HouseholdSortInput!], $before: String) {
              households(where: {householdSize: {lte: 3}}, order: $order, last: 70, before: $before) {
                nodes { id } pageInfo { hasPreviousPage startCursor } } }
            """;
        var back = new List<string>();
        string? before = null;
        while (true)
        {
            var page = (await WarehouseApp.DataAsync(client, backward, new { order = JsonNode.Parse(order), before }))["households"]!;
            back.InsertRange(0, Ids(page));
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        Assert.Equal(expected, back);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Edges_carry_cursors_that_continue_the_page(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var first = (await WarehouseApp.DataAsync(client,
            "{ regions(first: 5, order: [{code: ASC}]) { edges { cursor node { code } } } }"))["regions"]!["edges"]!.AsArray();
        var cursor = first[2]!["cursor"]!.GetValue<string>();
        var next = await WarehouseApp.DataAsync(client, "query($c: String) { regions(first: 2, after: $c, order: [{code: ASC}]) { nodes { code } } }",
            new { c = cursor });
        var expected = Sql.Strings(fixture.App.Database, "SELECT code FROM region ORDER BY code LIMIT 2 OFFSET 3");
        Assert.Equal(expected, next["regions"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Total_count_alone_reads_no_rows_and_matches_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, """{ jobs(where: {empForm: {eq: "公益性岗位"}}) { totalCount } }""");
        Assert.Equal(Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM employment WHERE emp_form = '公益性岗位'"),
            data["jobs"]!["totalCount"]!.GetValue<int>());
    }

    private static List<string> Ids(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
}
