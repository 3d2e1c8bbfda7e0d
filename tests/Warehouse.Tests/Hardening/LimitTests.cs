using System.Net;
using System.Net.Http.Json;
using System.Text;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>Each request limit gives its own code and the spec's status, and the server goes on answering.</summary>
public sealed class LimitTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient County => fixture.App.ClientFor("county", fixture.County);

    public static TheoryData<string, string> TooMuch()
    {
        var deep = "{ regions(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("children { ", 12)) + "code" + new string('}', 12) + " } } }";
        var aliases = "{ " + string.Join(' ', Enumerable.Range(0, 31).Select(i => $"a{i}: regions(first: 1) {{ totalCount }}")) + " }";
        var costly = "{ households(first: 500) { nodes { id members { id jobs { id } } } } }";
        var bomb = new StringBuilder("query { households(first: 10) { nodes { ...F0 } } }\n");
        for (var i = 0; i < 20; i++)
        {
            bomb.Append(i < 19
                ? $"fragment F{i} on Household {{ id members {{ id }} ...F{i + 1} ...F{i + 1} }}\n" : $"fragment F{i} on Household " +
                $"{{ id members {{ id }} }}\n");
        }
        var operations = string.Join('\n', Enumerable.Range(0, 6).Select(i => $"query Q{i} {{ regions(first: 1) {{ totalCount }} }}"));
        return new()
        {
            { deep, "MAX_DEPTH_EXCEEDED" },
            { aliases, "MAX_ALIASES_EXCEEDED" },
            { costly, "MAX_COMPLEXITY_EXCEEDED" },
            { bomb.ToString(), "MAX_COMPLEXITY_EXCEEDED" },
            { operations, "MAX_OPERATIONS_EXCEEDED" },
        };
    }

    [Theory]
    [MemberData(nameof(TooMuch))]
    public async Task Documents_over_a_limit_are_refused_before_they_run(string query, string code)
    {
        fixture.App.SqlLog.Clear();
        var body = await WarehouseApp.PostAsync(County, query, expectStatus: 400);
        Assert.Equal(code, WarehouseApp.FirstErrorCode(body));
        Assert.DoesNotContain(fixture.App.SqlLog.Commands, c => c.Contains("api_households", StringComparison.Ordinal)
            || c.Contains("api_regions", StringComparison.Ordinal));
        await WarehouseApp.DataAsync(County, "{ regions(first: 1) { totalCount } }");
    }

    [Fact]
    public async Task Circular_fragments_fail_validation()
    {
        var body = await WarehouseApp.PostAsync(County,
            "query { households(first: 1) { nodes { ...A } } } fragment A on Household { id ...B } fragment B on Household { id ...A }", expectStatus: 400);
        Assert.Equal("NO_FRAGMENT_CYCLES", WarehouseApp.FirstErrorCode(body));
    }

    [Fact]
    public async Task Oversized_bodies_get_413()
    {
        var huge = "{ regions(where: {name: {in: [" + string.Join(',', Enumerable.Repeat("\"村\"", 20_000)) + "]}}) { totalCount } }";
        using var response = await County.PostAsJsonAsync("/graphql", new { query = huge });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("REQUEST_TOO_LARGE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_role_overrides_apply_to_that_role_only()
    {
        using var app = new WarehouseApp(("Warehouse:Limits:Roles:village:MaxDepth", "3"));
        var village = Sql.Strings(app.Database, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")[0];
        const string query = "{ households(first: 1) { nodes { members { id } } } }";
        var refused = await WarehouseApp.PostAsync(app.ClientFor("village", village), query, expectStatus: 400);
        Assert.Equal("MAX_DEPTH_EXCEEDED", WarehouseApp.FirstErrorCode(refused));
        Assert.Contains("village", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await WarehouseApp.DataAsync(app.ClientFor("county", "139901000000"), query);
    }

    [Fact]
    public async Task Introspection_can_be_switched_off()
    {
        using var app = new WarehouseApp(("Warehouse:Limits:Introspection", "false"));
        var client = app.ClientFor("county", "139901000000");
        var body = await WarehouseApp.PostAsync(client, "{ __schema { types { name } } }", expectStatus: 400);
        Assert.Equal("INTROSPECTION_DISABLED", WarehouseApp.FirstErrorCode(body));
        var typename = await WarehouseApp.DataAsync(client, "{ __typename regions(first: 1) { totalCount } }");
        Assert.Equal("Query", typename["__typename"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_request_over_its_time_is_cancelled_with_504(DatabaseProvider provider)
    {
        using var app = new WarehouseApp(provider, ("Warehouse:Limits:TimeoutSeconds", "0.001"));
        var client = app.ClientFor("county", "139901000000");
        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            // Correlated subqueries over every assistance row: far longer than the 1 ms allowed.
            query = "{ assistance(where: {household: {members: {some: {jobs: {none: {empForm: {eq: \"x\"}}}}}}}) { totalCount } households(first: " +
                "500) { totalCount nodes { id members { id } } } }",
        });
        Assert.True(response.StatusCode == HttpStatusCode.GatewayTimeout, await response.Content.ReadAsStringAsync());
        Assert.Contains("QUERY_TIMEOUT", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
