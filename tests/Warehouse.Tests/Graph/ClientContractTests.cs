using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>
/// Issue 13, observations 3, 4 and 7: what typed clients rely on. Money as a JSON string is accepted as documented,
/// keys are non-null, and one failing root field leaves its siblings' data.
/// </summary>
public sealed class ClientContractTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("\"8500.50\"")]
    [InlineData("8500.50")]
    [InlineData("\" 8500.5 \"")]
    public async Task Money_filters_accept_numbers_and_strings(string literal)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var expected = Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM household WHERE per_capita_net_income_fen < 850050");
        var data = await WarehouseApp.DataAsync(client, $"{{ households(where: {{ perCapitaNetIncome: {{ lt: {literal} }} }}) {{ totalCount }} }}");
        Assert.Equal(expected, data["households"]!["totalCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Money_variables_accept_strings()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var expected = Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM household WHERE per_capita_net_income_fen >= 850050");
        var data = await WarehouseApp.DataAsync(client, "query($m: Decimal) { households(where: { perCapitaNetIncome: { gte: $m } }) { totalCount } }",
            new { m = "8500.50" });
        Assert.Equal(expected, data["households"]!["totalCount"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("\"8500.505\"")] // three decimals: not money
    [InlineData("\"8,500\"")]
    [InlineData("\"1e3\"")]
    [InlineData("\"abc\"")]
    public async Task Bad_money_strings_are_coded_errors(string literal)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var body = await WarehouseApp.PostAsync(client, $"{{ households(where: {{ perCapitaNetIncome: {{ lt: {literal} }} }}) {{ totalCount }} }}",
            expectStatus: null);
        Assert.NotNull(WarehouseApp.FirstErrorCode(body));
        Assert.True(body["data"] is null || body["data"]!["households"] is null);
    }

    [Fact]
    public async Task Decimal_has_a_description_and_keys_are_non_null()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, """
            { decimal: __type(name: "Decimal") { description }
              household: __type(name: "Household") { fields { name type { kind } } }
              region: __type(name: "Region") { fields { name type { kind } } } }
            """);
        Assert.Contains("string", data["decimal"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("NON_NULL", Kind(data["household"]!, "id"));
        Assert.Equal("NON_NULL", Kind(data["region"]!, "code"));
    }

    [Fact]
    public async Task A_failing_root_field_leaves_its_siblings_data()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var body = await WarehouseApp.PostAsync(client, """
            { ok: households(first: 2, order: [{ id: ASC }]) { nodes { id } }
              bad: households(first: 2, after: "not-a-cursor") { nodes { id } }
              agg: householdsAggregate { groups { count } } }
            """);
        var expected = Sql.Strings(fixture.App.Database, "SELECT household_id FROM household ORDER BY household_id LIMIT 2");
        Assert.Equal(expected, body["data"]!["ok"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
        Assert.Null(body["data"]!["bad"]);
        Assert.NotNull(body["data"]!["agg"]);
        var error = Assert.Single(body["errors"]!.AsArray());
        Assert.Equal("bad", error!["path"]![0]!.GetValue<string>());
        Assert.Equal("INVALID_CURSOR", error["extensions"]!["code"]!.GetValue<string>());
    }

    private static string Kind(JsonNode type, string field) =>
        type["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == field)!["type"]!["kind"]!.GetValue<string>();
}
