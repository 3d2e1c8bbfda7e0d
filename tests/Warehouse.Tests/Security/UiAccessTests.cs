using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Every endpoint that needs a user resolves it the same way: a signed-in user whose assignment was revoked is
/// refused by the browser pages' region list exactly as by /graphql and the exports (403, same coded body).
/// </summary>
public sealed class UiAccessTests : IDisposable
{
    private readonly WarehouseApp _app = new();

    [Fact]
    public async Task A_revoked_user_gets_the_same_403_from_ui_regions_as_from_graphql_and_exports()
    {
        var admin = _app.ClientFor("admin", null, user: "admin-1");
        var village = Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")[0];
        await WarehouseApp.DataAsync(admin, "mutation($v: String!) { assignUser(userId: \"official-9\", role: \"village\", regionCode: $v) { version } }",
            new { v = village });
        var token = _app.Token("village", village, user: "official-9");

        // Before the revocation the user reads the region list (every region of the warehouse, by SQL).
        using (var before = await Get("/ui/regions", token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            var regions = JsonNode.Parse(await before.Content.ReadAsStringAsync())!.AsArray();
            Assert.Equal(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM region"), regions.Count);
        }

        await WarehouseApp.DataAsync(admin, "mutation { revokeUser(userId: \"official-9\", role: \"village\", expectedVersion: 1) { status } }");

        using var graph = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent("{\"query\":\"{ regions { totalCount } }\"}") };
        graph.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        graph.Headers.Accept.ParseAdd("application/json");
        using var graphResponse = await _app.CreateClient().SendAsync(graph);
        var graphBody = JsonNode.Parse(await graphResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, graphResponse.StatusCode);
        Assert.Equal("FORBIDDEN", graphBody!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("revoked", graphBody["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var path in new[] { "/ui/regions", "/export/households.csv", "/export/aggregate/households.csv" })
        {
            using var response = await Get(path, token);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: HTTP {(int)response.StatusCode} {text}");
            var body = JsonNode.Parse(text)!;
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(graphBody["errors"]![0]!["message"]!.GetValue<string>(), body["errors"]![0]!["message"]!.GetValue<string>());
            Assert.Equal("FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            if (path == "/ui/regions")
            {
                // Byte for byte the body /graphql sends.
                Assert.True(JsonNode.DeepEquals(graphBody, body), $"{path}: {text} differs from {graphBody.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task A_user_without_any_role_is_refused_by_ui_regions()
    {
        // A token whose role is unknown and with no stored assignment: no role in Warehouse.
        var token = _app.Issuer.Issue("stranger-1", "mayor", null, TimeSpan.FromMinutes(5));
        using var response = await Get("/ui/regions", token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("User stranger-1 has no role in Warehouse; ask an admin for an assignment.", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> Get(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _app.CreateClient().SendAsync(request);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public void Dispose() => _app.Dispose();
}
