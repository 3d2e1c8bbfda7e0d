using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Graph;

/// <summary>Issue 13, observation 2: a dashboard on a configured origin can call /graphql and /export/* from the browser; no other origin can.</summary>
public sealed class CorsTests : IDisposable
{
    private const string Dashboard = "https://dash.example.org";
    private readonly WarehouseApp _app = new(("Warehouse:Cors:AllowedOrigins:0", Dashboard));

    [Theory]
    [InlineData("/graphql", "POST")]
    [InlineData("/graphql", "GET")]
    [InlineData("/export/households.csv", "GET")]
    [InlineData("/export/aggregate/households.csv", "GET")]
    public async Task Preflight_from_a_configured_origin_is_allowed(string path, string method)
    {
        using var response = await PreflightAsync(_app, path, Dashboard, method);
        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal(Dashboard, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", headers, StringComparison.Ordinal);
        Assert.Contains("content-type", headers, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Other_origins_get_no_cors_headers()
    {
        using var response = await PreflightAsync(_app, "/graphql", "https://evil.example.com", "POST");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task No_origin_is_allowed_by_default()
    {
        using var app = new WarehouseApp();
        using var response = await PreflightAsync(app, "/graphql", Dashboard, "POST");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_actual_request_carries_the_origin_and_exposed_headers()
    {
        var client = _app.ClientFor("county", "139901000000");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/export/aggregate/households.csv?groupBy=townshipCode");
        request.Headers.Add("Origin", Dashboard);
        using var response = await client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(Dashboard, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Warehouse-Protected", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(WarehouseApp app, string path, string origin, string method)
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request);
    }

    public void Dispose() => _app.Dispose();
}
