using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Warehouse.Tests.Infrastructure;

using Xunit;

namespace Warehouse.Tests.Browser;

/// <summary>The UI's endpoints over plain HTTP (no browser): what is public, what needs a token, what exists only in Development.</summary>
public sealed partial class UiEndpointTests : IClassFixture<AppFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private readonly AppFixture _fixture;

    public UiEndpointTests(AppFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_favicon_is_served_without_a_token_and_both_pages_link_it()
    {
        using var client = _fixture.App.CreateClient();
        using var icon = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await icon.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        foreach (var page in new[] { "/graphql", "/admin" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
            using var response = await client.SendAsync(request);
            Assert.Contains("rel=\"icon\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_browser_gets_the_ide_at_graphql_without_a_token_and_its_assets()
    {
        using var client = _fixture.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.StartsWith("/ui/assets/", src, StringComparison.Ordinal);
            using var asset = await client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("text/html, application/json")]
    [InlineData(null)]
    public async Task Every_other_get_at_graphql_is_the_api_and_needs_a_token(string? accept)
    {
        using var client = _fixture.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var authorized = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        authorized.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fixture.App.Token("county", _fixture.County));
        authorized.Headers.TryAddWithoutValidation("Accept", accept ?? "application/json");
        using var ok = await client.SendAsync(authorized);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("\"__typename\"", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_page_is_served_at_admin()
    {
        using var client = _fixture.App.CreateClient();
        using var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_region_list_needs_a_token()
    {
        using var client = _fixture.App.CreateClient();
        using var anonymous = await client.GetAsync("/ui/regions");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fixture.App.Token("admin", null));
        var regions = await client.GetFromJsonAsync<JsonArray>("/ui/regions");
        Assert.Contains(regions!, r => r!["code"]!.GetValue<string>() == _fixture.County && r["level"]!.GetValue<string>() == "COUNTY");
        Assert.Contains(regions!, r => r!["level"]!.GetValue<string>() == "VILLAGE" && r["parentCode"] is not null);
    }

    [Fact]
    public async Task Local_token_endpoints_do_not_exist_outside_development()
    {
        // Testing environment, local issuer on.
        using var client = _fixture.App.CreateClient();
        using var token = await client.PostAsJsonAsync("/dev/token", new { role = "county", region = _fixture.County });
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        using var regions = await client.GetAsync("/dev/regions");
        Assert.Equal(HttpStatusCode.NotFound, regions.StatusCode);
    }

    [Fact]
    public async Task Local_token_endpoints_do_not_exist_in_development_when_the_local_issuer_is_off()
    {
        using var app = new WarehouseApp(("environment", "Development"), ("Warehouse:Auth:LocalIssuer:Enabled", "false"));
        using var client = app.CreateClient();
        using var token = await client.PostAsJsonAsync("/dev/token", new { role = "county", region = "139901000000" });
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        using var regions = await client.GetAsync("/dev/regions");
        Assert.Equal(HttpStatusCode.NotFound, regions.StatusCode);
    }

    [Fact]
    public async Task In_development_the_picker_gets_a_working_local_token()
    {
        using var app = new WarehouseApp(("environment", "Development"));
        using var client = app.CreateClient();
        var village = _fixture.Village;
        var issued = await (await client.PostAsJsonAsync("/dev/token", new { role = "village", region = village })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"dev-village-{village}", issued!["userId"]!.GetValue<string>());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued["token"]!.GetValue<string>());
        var me = await WarehouseApp.DataAsync(client, "{ myPermissions { role regionCode } }");
        Assert.Equal("village", me["myPermissions"]!["role"]!.GetValue<string>());
        Assert.Equal(village, me["myPermissions"]!["regionCode"]!.GetValue<string>());

        using var bad = await client.PostAsJsonAsync("/dev/token", new { role = "mayor", region = village });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var noRegion = await client.PostAsJsonAsync("/dev/token", new { role = "township" });
        Assert.Equal(HttpStatusCode.BadRequest, noRegion.StatusCode);
        var regions = await client.GetFromJsonAsync<JsonArray>("/dev/regions");
        Assert.NotEmpty(regions!);
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
