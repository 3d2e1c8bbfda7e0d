using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>Issue 13, observation 6: Apollo's automatic persisted queries, as Apollo Client's link sends them.</summary>
public sealed class AutomaticPersistedQueryTests
{
    private const string Query = "query Low { households(where: { perCapitaNetIncome: { lt: 8500 } }) { totalCount } }";

    [Fact]
    public async Task Hash_miss_then_hash_and_query_registers_then_hash_alone_runs()
    {
        using var app = new WarehouseApp();
        var client = app.ClientFor("county", "139901000000");
        var hash = Hash(Query);

        var miss = await PostAsync(client, new { extensions = Extensions(hash) });
        Assert.Equal(200, miss.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("PersistedQueryNotFound", miss.Body["errors"]![0]!["message"]!.GetValue<string>());

        var expected = Sql.Scalar(app.Database, "SELECT COUNT(*) FROM household WHERE per_capita_net_income_fen < 850000");
        var register = await PostAsync(client, new { query = Query, extensions = Extensions(hash) });
        Assert.Equal(expected, register.Body["data"]!["households"]!["totalCount"]!.GetValue<long>());

        // Another user (another role) sends the hash alone: the text is known, and it runs under that user's scope.
        var village = app.ClientFor("village",
            Sql.Strings(app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1")[0]);
        var hit = await PostAsync(client, new { extensions = Extensions(hash) });
        Assert.Equal(expected, hit.Body["data"]!["households"]!["totalCount"]!.GetValue<long>());
        var villageHit = await PostAsync(village, new { extensions = Extensions(hash) });
        Assert.True(villageHit.Body["data"]!["households"]!["totalCount"]!.GetValue<long>() < expected);
    }

    [Fact]
    public async Task A_hash_that_is_not_the_texts_is_refused()
    {
        using var app = new WarehouseApp();
        var client = app.ClientFor("county", "139901000000");
        var wrong = await PostAsync(client, new { query = Query, extensions = Extensions(Hash("{ regions { totalCount } }")) });
        Assert.Equal("PERSISTED_DOCUMENT_MISMATCH", wrong.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        var after = await PostAsync(client, new { extensions = Extensions(Hash("{ regions { totalCount } }")) });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", after.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Allow_list_mode_refuses_automatic_registration_with_a_clear_code()
    {
        using var app = new WarehouseApp(("Warehouse:PersistedDocuments:AllowOnlyPersisted", "true"));
        var client = app.ClientFor("county", "139901000000");
        var hash = Hash(Query);
        var register = await PostAsync(client, new { query = Query, extensions = Extensions(hash) });
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", register.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(register.Body["data"]);
        var miss = await PostAsync(client, new { extensions = Extensions(hash) });
        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", miss.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        // A document an admin registered answers its hash, as before.
        var admin = app.ClientFor("admin", null, user: "admin-apq");
        await WarehouseApp.DataAsync(admin, "mutation($q: String!) { registerDocument(query: $q) { documentId } }", new { q = Query });
        var registered = await PostAsync(client, new { extensions = Extensions(hash) });
        Assert.Equal(Sql.Scalar(app.Database, "SELECT COUNT(*) FROM household WHERE per_capita_net_income_fen < 850000"),
            registered.Body["data"]!["households"]!["totalCount"]!.GetValue<long>());
    }

    private static object Extensions(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<(int Status, JsonObject Body)> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/graphql", body);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
