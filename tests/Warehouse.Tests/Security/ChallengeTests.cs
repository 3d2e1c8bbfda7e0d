using System.Net;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Issue 13, observation 9 (the challenge): with Entra ID configured, a 401 names the tenant's authorization
/// endpoint, so Power BI's organisational sign-in can discover it; without Entra ID it does not invent one.
/// </summary>
public sealed class ChallengeTests
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/export/households.csv")]
    public async Task A_401_carries_authorization_uri_when_entra_is_configured(string path)
    {
        using var app = new WarehouseApp(("AzureAd:Instance", "https://login.microsoftonline.com/"), ("AzureAd:TenantId", Tenant),
            ("AzureAd:ClientId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"), ("AzureAd:Audience", "api://warehouse"));
        using var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer ", challenge, StringComparison.Ordinal);
        Assert.Contains($"authorization_uri=\"https://login.microsoftonline.com/{Tenant}/oauth2/authorize\"", challenge, StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_entra_the_challenge_names_no_issuer()
    {
        using var app = new WarehouseApp();
        using var response = await app.CreateClient().GetAsync("/graphql");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("authorization_uri", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
