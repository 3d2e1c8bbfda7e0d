using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Warehouse.Security;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>Every data request needs a valid token: each fault is a 401 with its reason, never data.</summary>
public sealed class TokenTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static LocalTokenIssuer Issuer(string? issuer = null, string? audience = null, string? key = null) => new(new LocalIssuerOptions
    {
        Issuer = issuer ?? "warehouse-local",
        Audience = audience ?? "warehouse-api",
        SigningKey = key ?? WarehouseApp.SigningKey,
    });

    public static TheoryData<string, string> Faults => new()
    {
        { "none", "no bearer token" },
        { "garbage", "malformed" },
        { "expired", "expired" },
        { "not-yet-valid", "not yet valid" },
        { "forged", "signature" },
        { "wrong-issuer", "issuer" },
        { "wrong-audience", "audience" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Bad_tokens_get_401_with_a_reason(string fault, string reason)
    {
        var token = fault switch
        {
            "none" => null,
            "garbage" => "not.a.jwt",
            "expired" => Issuer().Issue("u", "county", "139901000000", TimeSpan.FromMinutes(5), DateTime.UtcNow.AddHours(-2)),
            "not-yet-valid" => Issuer().Issue("u", "county", "139901000000", TimeSpan.FromMinutes(5), DateTime.UtcNow.AddHours(2)),
            "forged" => Issuer(key: Convert.ToBase64String(new byte[32])).Issue("u", "county", "139901000000", TimeSpan.FromMinutes(5)),
            "wrong-issuer" => Issuer(issuer: "someone-else").Issue("u", "county", "139901000000", TimeSpan.FromMinutes(5)),
            _ => Issuer(audience: "another-api").Issue("u", "county", "139901000000", TimeSpan.FromMinutes(5)),
        };
        var client = fixture.App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ households { totalCount } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("UNAUTHENTICATED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(reason, body["errors"]![0]!["extensions"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Health_endpoints_stay_open()
    {
        var client = fixture.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task A_role_whose_region_is_of_the_wrong_level_is_refused()
    {
        var client = fixture.App.ClientFor("village", fixture.Township);
        var body = await WarehouseApp.PostAsync(client, "{ households { totalCount } }", expectStatus: 403);
        Assert.Equal("FORBIDDEN", WarehouseApp.FirstErrorCode(body));
    }

    [Fact]
    public async Task A_region_that_does_not_exist_is_refused()
    {
        var client = fixture.App.ClientFor("village", "139901999399");
        var body = await WarehouseApp.PostAsync(client, "{ households { totalCount } }", expectStatus: 403);
        Assert.Contains("does not exist", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
