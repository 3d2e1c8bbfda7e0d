using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Graph.Pipeline;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>
/// The document cache: a repeated document is validated once per role schema, yet nothing a cached verdict
/// could get wrong gets through: a permission change refuses the same text, and what depends on variables
/// (cost of first: $n, hidden fields inside a variable) is checked on every request.
/// </summary>
public sealed class DocumentCacheTests : IDisposable
{
    private readonly WarehouseApp _app = new();

    private DocumentCache Cache => _app.Services.GetRequiredService<DocumentCache>();

    private HttpClient Admin => _app.ClientFor("admin", null, user: "admin-cache");

    private string Township => Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1")[0];

    [Fact]
    public async Task A_repeated_document_is_validated_once_and_answers_the_same()
    {
        var county = _app.ClientFor("county", "139901000000");
        const string Query = "{ households(first: 3, order: [{id: ASC}]) { nodes { id } } }";
        var first = await WarehouseApp.DataAsync(county, Query);
        var (hits, misses) = (Cache.Hits, Cache.Misses);
        var second = await WarehouseApp.DataAsync(county, Query);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(misses, Cache.Misses);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(Sql.Strings(_app.Database, "SELECT household_id FROM household ORDER BY household_id LIMIT 3"),
            second["households"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());

        // Another role has another schema: its own validation, not the county's verdict.
        await WarehouseApp.DataAsync(_app.ClientFor("township", Township), Query);
        Assert.Equal(misses + 1, Cache.Misses);
    }

    [Fact]
    public async Task A_cached_document_is_refused_with_FIELD_HIDDEN_once_the_role_loses_the_field()
    {
        var township = _app.ClientFor("township", Township);
        const string Query = "{ households(first: 1) { nodes { householdAttr } } }";
        await WarehouseApp.DataAsync(township, Query);
        var hits = Cache.Hits;
        await WarehouseApp.DataAsync(township, Query);
        Assert.Equal(hits + 1, Cache.Hits); // the verdict is cached for the township's schema

        var matrix = await WarehouseApp.DataAsync(Admin, "query { permissionMatrix(role: \"township\", type: \"Household\") { field version } }");
        var version = matrix["permissionMatrix"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "householdAttr")!["version"]!.GetValue<int>();
        await WarehouseApp.DataAsync(Admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
            new { c = new[] { new { role = "township", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } } });

        var refused = await WarehouseApp.PostAsync(township, Query, expectStatus: 400);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(refused));
        Assert.Contains("Household.householdAttr", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(refused["data"]);
        // The shape docs/security.md shows: located at the field, the code and nothing else in the extensions.
        Assert.Equal("""{"code":"FIELD_HIDDEN","codes":["FIELD_HIDDEN"]}""", refused["errors"]![0]!["extensions"]!.ToJsonString());
        Assert.Equal("""[{"line":1,"column":34}]""", refused["errors"]![0]!["locations"]!.ToJsonString());
    }

    [Fact]
    public async Task Cost_given_by_a_variable_is_measured_on_every_request()
    {
        var county = _app.ClientFor("county", "139901000000");
        const string Query = "query($n: Int) { households(first: $n) { nodes { id members { id jobs { id } } } } }";
        await WarehouseApp.DataAsync(county, Query, new { n = 1 });
        var over = await WarehouseApp.PostAsync(county, Query, new { n = 500 }, expectStatus: 400);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", WarehouseApp.FirstErrorCode(over));
        Assert.Single(over["errors"]!.AsArray()); // the limit alone, as before it was a validation rule
        Assert.Equal("""{"code":"MAX_COMPLEXITY_EXCEEDED","codes":["MAX_COMPLEXITY_EXCEEDED"]}""", over["errors"]![0]!["extensions"]!.ToJsonString());
        var again = await WarehouseApp.DataAsync(county, Query, new { n = 1 });
        Assert.Single(again["households"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_hidden_field_inside_a_variable_is_refused_for_a_cached_document()
    {
        var village = _app.ClientFor("village",
            Sql.Strings(_app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1")[0]);
        const string Query = "query($w: MemberFilterInput) { members(where: $w) { totalCount } }";
        await WarehouseApp.DataAsync(village, Query, new { w = new { education = new { eq = "x" } } });
        var hits = Cache.Hits;
        var refused = await WarehouseApp.PostAsync(village, Query, new { w = new { diseaseName = new { eq = "糖尿病" } } }, expectStatus: 400);
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(refused));
        Assert.Contains("Member.diseaseName", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_is_exposed_in_the_metrics()
    {
        var county = _app.ClientFor("county", "139901000000");
        await WarehouseApp.DataAsync(county, "{ regions(first: 1) { totalCount } }");
        await WarehouseApp.DataAsync(county, "{ regions(first: 1) { totalCount } }");
        var text = await _app.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("warehouse_graphql_document_cache_hits", text, StringComparison.Ordinal);
        Assert.Contains("warehouse_graphql_document_cache_misses", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_documents_are_validated_at_start_so_their_first_call_is_a_hit()
    {
        const string Document = "query Warm { regions(first: 2) { totalCount } }";
        var registered = await WarehouseApp.DataAsync(Admin, "mutation($q: String!) { registerDocument(query: $q) { documentId } }", new { q = Document });
        var id = registered["registerDocument"]!["documentId"]!.GetValue<string>();
        // What a restart does: the warm-up reads the registered documents and validates them for every role.
        var warmer = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DocumentCacheWarmer>().Single();
        await warmer.StartAsync(CancellationToken.None);
        await warmer.ExecuteTask!;

        var (hits, misses) = (Cache.Hits, Cache.Misses);
        using var response = await _app.ClientFor("township", Township).PostAsJsonAsync("/graphql", new { documentId = id });
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM region"), body["data"]!["regions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(misses, Cache.Misses);
    }

    public void Dispose() => _app.Dispose();
}
