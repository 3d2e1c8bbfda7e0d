using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>Bad input gets a coded error and the right status, never a 500, and the server goes on answering.</summary>
public sealed class BadInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("{ households(after: \"not-a-cursor\") { nodes { id } } }", "INVALID_CURSOR", 200)]
    [InlineData("{ households(first: 600) { nodes { id } } }", "PAGE_SIZE_EXCEEDED", 200)]
    [InlineData("{ households(first: -1) { nodes { id } } }", "INVALID_PAGING", 200)]
    [InlineData("{ households(first: 2, last: 2) { nodes { id } } }", "INVALID_PAGING", 200)]
    [InlineData("{ households { nodes { id nope } } }", "FIELDS_ON_CORRECT_TYPE", 400)]
    [InlineData("{ households(first: \"ten\") { nodes { id } } }", "ARGUMENTS_OF_CORRECT_TYPE", 400)]
    [InlineData("{ households(where: {perCapitaNetIncome: {lt: 1.234}}) { nodes { id } } }", "INVALID_VALUE", 200)]
    [InlineData("{ households(order: [{id: ASC, householdSize: DESC}]) { nodes { id } } }", "INVALID_ORDER", 200)]
    [InlineData("{ households(where: {monitorType: {gt: \"a\"}}) { nodes { id } } }", "ARGUMENTS_OF_CORRECT_TYPE", 400)]
    [InlineData("{ households { nodes { id }", "SYNTAX_ERROR", 400)]
    public async Task Bad_queries_give_coded_errors(string query, string code, int status)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var body = await WarehouseApp.PostAsync(client, query, expectStatus: status);
        Assert.Equal(code, WarehouseApp.FirstErrorCode(body));
        await StillAnswers(client);
    }

    [Fact]
    public async Task Tampered_cursor_is_an_error_not_data()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var cursor = (await WarehouseApp.DataAsync(client,
            "{ households(first: 1) { pageInfo { endCursor } } }"))["households"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var tampered = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];
        var body = await WarehouseApp.PostAsync(client, "query($c: String) { households(after: $c) { nodes { id } } }", new { c = tampered });
        Assert.Equal("INVALID_CURSOR", WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]?["households"]);
        var otherOrder = await WarehouseApp.PostAsync(client, "query($c: String) { households(after: $c, order: [{householdSize: ASC}]) { nodes { id } } }",
            new { c = cursor });
        Assert.Equal("INVALID_CURSOR", WarehouseApp.FirstErrorCode(otherOrder));
    }

    [Theory]
    [InlineData("{ not json", "application/json", 400, "INVALID_JSON")]
    [InlineData("{\"variables\": {}}", "application/json", 400, "QUERY_MISSING")]
    [InlineData("query { regions { totalCount } }", "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE")]
    public async Task Malformed_http_requests_are_4xx(string body, string contentType, int status, string code)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, WarehouseApp.FirstErrorCode(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()));
        await StillAnswers(client);
    }

    [Fact]
    public async Task Get_serves_queries_and_refuses_mutations()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        using var ok = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ regions(first: 1) { totalCount } }"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.StartsWith("application/graphql-response+json", ok.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        using var mutation = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { x }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Equal("MUTATION_OVER_GET", WarehouseApp.FirstErrorCode(JsonNode.Parse(await mutation.Content.ReadAsStringAsync())!.AsObject()));
        using var badVariables = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ regions { totalCount } }") + "&variables=%7Bnope");
        Assert.Equal(HttpStatusCode.BadRequest, badVariables.StatusCode);
    }

    [Fact]
    public async Task Media_types_follow_the_graphql_over_http_spec()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        using var legacy = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ nope }\"}", Encoding.UTF8,
            "application/json")
        };
        legacy.Headers.Accept.ParseAdd("application/json");
        using var legacyResponse = await client.SendAsync(legacy);
        Assert.Equal(HttpStatusCode.OK, legacyResponse.StatusCode);
        Assert.StartsWith("application/json", legacyResponse.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        using var modern = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ nope }\"}", Encoding.UTF8,
            "application/json")
        };
        modern.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var modernResponse = await client.SendAsync(modern);
        Assert.Equal(HttpStatusCode.BadRequest, modernResponse.StatusCode);

        using var unacceptable = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ regions { totalCount } }\"}",
            Encoding.UTF8, "application/json")
        };
        unacceptable.Headers.Accept.ParseAdd("text/html");
        using var unacceptableResponse = await client.SendAsync(unacceptable);
        Assert.Equal(HttpStatusCode.NotAcceptable, unacceptableResponse.StatusCode);
    }

    private static async Task StillAnswers(HttpClient client)
    {
        var data = await WarehouseApp.DataAsync(client, "{ regions(first: 1) { totalCount } }");
        Assert.True(data["regions"]!["totalCount"]!.GetValue<int>() > 0);
    }
}
