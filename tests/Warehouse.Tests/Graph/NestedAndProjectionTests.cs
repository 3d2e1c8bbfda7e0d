using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>Nested lists against SQL; the SQL that runs reads only asked-for columns and one query per nested level.</summary>
[Collection(SqlLogCollection.Name)]
public sealed class NestedAndProjectionTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    /// <summary>How the SQL EF Core sends names an API view: "api_x" on SQLite, the view x of schema api on PostgreSQL.</summary>
    private static string View(DatabaseProvider provider, string name) => provider == DatabaseProvider.Sqlite ? $"\"api_{name}\"" : $"api.{name}";

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Nested_members_with_where_and_order_match_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, """
            { households(first: 40, order: [{id: ASC}], where: {householdSize: {gte: 3}}) {
                nodes { id members(where: {gender: {eq: "女"}}, order: [{workMonths: DESC}]) { id } } } }
            """);
        foreach (var node in data["households"]!["nodes"]!.AsArray())
        {
            var id = node!["id"]!.GetValue<string>();
            var expected = Sql.Strings(fixture.App.Database,
                $"SELECT member_id FROM member WHERE household_id = @h AND gender = '女' AND {Minors.Adult()} ORDER BY work_months DESC, member_id", ("@h", id));
            Assert.Equal(expected, node["members"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList());
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Three_levels_and_references_match_sql(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var data = await WarehouseApp.DataAsync(client, """
            { regions(where: {level: {eq: TOWNSHIP}}, first: 2, order: [{code: ASC}]) { nodes { code children(order: [{code: ASC}]) { code parent {
              code } } } } }
            """);
        foreach (var township in data["regions"]!["nodes"]!.AsArray())
        {
            var code = township!["code"]!.GetValue<string>();
            var expected = Sql.Strings(fixture.App.Database, "SELECT code FROM region WHERE parent_code = @c ORDER BY code", ("@c", code));
            var children = township["children"]!.AsArray();
            Assert.Equal(expected, children.Select(c => c!["code"]!.GetValue<string>()).ToList());
            Assert.All(children, c => Assert.Equal(code, c!["parent"]!["code"]!.GetValue<string>()));
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Only_requested_columns_are_read(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        fixture.App.SqlLog.Clear();
        await WarehouseApp.DataAsync(client, "{ households(first: 5) { nodes { id householdSize } } }");
        var select = fixture.App.SqlLog.Commands.Single(c => c.Contains(View(provider, "households"), StringComparison.Ordinal)
            && c.Contains("LIMIT", StringComparison.Ordinal));
        Assert.Contains("household_size", select, StringComparison.Ordinal);
        foreach (var column in new[] { "phone", "wage_income_fen", "bank_account", "address", "risk_types" })
        {
            Assert.DoesNotContain(column, select, StringComparison.Ordinal);
        }
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Nested_lists_run_one_query_per_level_not_per_row(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        fixture.App.SqlLog.Clear();
        var data = await WarehouseApp.DataAsync(client, """
            { households(first: 50) { nodes { id members { id jobs { id } } assistance { id } } } }
            """);
        Assert.Equal(50, data["households"]!["nodes"]!.AsArray().Count);
        var commands = fixture.App.SqlLog.Commands;
        Assert.Equal(1, commands.Count(c => c.Contains("FROM " + View(provider, "members"), StringComparison.Ordinal)
            && !c.Contains(View(provider, "households"), StringComparison.Ordinal)));
        Assert.Equal(1, commands.Count(c => c.Contains("FROM " + View(provider, "jobs"), StringComparison.Ordinal)));
        Assert.Equal(1, commands.Count(c => c.Contains("FROM " + View(provider, "assistance"), StringComparison.Ordinal)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Lookup_by_key_returns_the_row_or_null(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var id = Sql.Strings(fixture.App.Database, "SELECT household_id FROM household ORDER BY household_id LIMIT 1 OFFSET 17")[0];
        var data = await WarehouseApp.DataAsync(client,
            "query($id: String!) { household(id: $id) { id householdSize } missing: household(id: \"H9999999\") { id } }", new { id });
        Assert.Equal(id, data["household"]!["id"]!.GetValue<string>());
        Assert.Equal(Sql.Scalar(fixture.App.Database, "SELECT household_size FROM household WHERE household_id = @h", ("@h", id)),
            data["household"]!["householdSize"]!.GetValue<int>());
        Assert.Null(data["missing"]);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Money_is_returned_in_yuan_exactly(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("county", fixture.County);
        var id = Sql.Strings(fixture.App.Database, "SELECT household_id FROM household WHERE per_capita_net_income_fen % 100 <> 0 LIMIT 1")[0];
        var data = await WarehouseApp.DataAsync(client, "query($id: String!) { household(id: $id) { perCapitaNetIncome netIncome } }", new { id });
        var fen = Sql.Scalar(fixture.App.Database, "SELECT per_capita_net_income_fen FROM household WHERE household_id = @h", ("@h", id));
        Assert.Equal(fen / 100m, data["household"]!["perCapitaNetIncome"]!.GetValue<decimal>());
    }
}
