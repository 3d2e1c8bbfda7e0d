using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>Registered documents are called by id; in allow-list mode nothing else runs.</summary>
public sealed class PersistedDocumentTests : IDisposable
{
    private const string Dashboard = "query Low { households(where: {perCapitaNetIncome: {lt: 8500}}) { totalCount } }";
    // Created by each test on its provider (xunit makes a new instance per test case).
    private WarehouseApp _app = null!;

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Registered_documents_run_by_id_and_raw_queries_are_refused_in_allow_list_mode(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider, ("Warehouse:PersistedDocuments:AllowOnlyPersisted", "true"));
        var admin = _app.ClientFor("admin", null, user: "admin-docs");
        var registered = await WarehouseApp.DataAsync(admin, "mutation($q: String!) { registerDocument(query: $q, name: \"low-income\") { documentId } }",
            new { q = Dashboard });
        var id = registered["registerDocument"]!["documentId"]!.GetValue<string>();
        Assert.StartsWith("sha256:", id, StringComparison.Ordinal);
        var again = await WarehouseApp.DataAsync(admin, "mutation($q: String!) { registerDocument(query: $q) { documentId } }", new { q = Dashboard });
        Assert.Equal(id, again["registerDocument"]!["documentId"]!.GetValue<string>());

        var county = _app.ClientFor("county", "139901000000");
        using var byId = await county.PostAsJsonAsync("/graphql", new { documentId = id });
        var body = JsonNode.Parse(await byId.Content.ReadAsStringAsync())!;
        Assert.Equal(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM household WHERE per_capita_net_income_fen < 850000"),
            body["data"]!["households"]!["totalCount"]!.GetValue<int>());

        var raw = await WarehouseApp.PostAsync(county, Dashboard, expectStatus: 400);
        Assert.Equal("PERSISTED_DOCUMENT_REQUIRED", WarehouseApp.FirstErrorCode(raw));

        using var unknown = await county.PostAsJsonAsync("/graphql", new { documentId = "sha256:" + new string('0', 64) });
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("PERSISTED_DOCUMENT_NOT_FOUND", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var mismatch = await county.PostAsJsonAsync("/graphql", new { documentId = id, query = "{ regions { totalCount } }" });
        Assert.Contains("PERSISTED_DOCUMENT_MISMATCH", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _app?.Dispose();
}
