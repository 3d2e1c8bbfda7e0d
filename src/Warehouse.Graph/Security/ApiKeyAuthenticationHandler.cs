using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Warehouse.Security;

/// <summary>
/// Authenticates <c>X-Api-Key: whk_…</c> or <c>Authorization: Bearer whk_…</c> as the key's bound user. The
/// principal carries only <c>sub</c>: no role or region claims, so <see cref="AccessResolver"/> can only use the
/// user's stored assignment, and a user without an active one is refused.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";
    private const string MethodClaim = "amr";
    private const string MethodValue = "api_key";

    /// <summary>True when the principal was signed in with an API key (the handler marks it with amr=api_key).</summary>
    public static bool IsApiKey(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.AuthenticationType == AuthenticationSchemes.ApiKey && i.HasClaim(MethodClaim, MethodValue));

    /// <summary>The key presented by the request, from X-Api-Key or a bearer credential that starts with whk_.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var header))
        {
            return header.ToString().Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var credential = authorization[7..].Trim();
            return ApiKeyStore.LooksLikeKey(credential) ? credential : null;
        }
        return null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeyStore.LooksLikeKey(key))
        {
            return AuthenticateResult.Fail("the API key is malformed");
        }
        var (userId, reason) = await keys.AuthenticateAsync(key, Context.RequestAborted);
        if (userId is null)
        {
            return AuthenticateResult.Fail(reason!);
        }
        var identity = new ClaimsIdentity([new Claim("sub", userId), new Claim(MethodClaim, MethodValue)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(Scheme.Name);
        var reason = result.Failure?.Message ?? "no API key";
        await Unauthorized.WriteAsync(Response, reason, null);
    }
}
