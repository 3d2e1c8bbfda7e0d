using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

using Warehouse.Security;

namespace Warehouse.Api.Hosting;

/// <summary>
/// Sign-in: Entra ID bearer tokens through Microsoft.Identity.Web when <c>AzureAd:ClientId</c> is set, and the
/// local issuer when enabled. A policy scheme picks the handler by the token's issuer. Every failure is a 401
/// whose body says why.
/// </summary>
internal static class AuthenticationSetup
{
    public const string Policy = "Warehouse";
    public const string LocalScheme = AuthenticationSchemes.Local;
    public const string EntraScheme = AuthenticationSchemes.Entra;
    public const string ApiKeyScheme = AuthenticationSchemes.ApiKey;

    public static WebApplicationBuilder AddWarehouseAuthentication(this WebApplicationBuilder builder)
    {
        var local = builder.Configuration.GetSection(LocalIssuerOptions.Section).Get<LocalIssuerOptions>() ?? new LocalIssuerOptions();
        local.Enabled ??= builder.Environment.IsDevelopment();
        local.KeyFile = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, local.KeyFile));
        var entra = !string.IsNullOrWhiteSpace(builder.Configuration["AzureAd:ClientId"]);
        // Where a client that holds no token signs in: Power BI's organisational account (and other AAD-aware
        // clients) read authorization_uri from the 401 challenge to discover the tenant.
        var authorizationUri = entra ? AuthorizationUri(builder.Configuration) : null;
        var issuer = new LocalTokenIssuer(local);
        builder.Services.AddSingleton(issuer);
        builder.Services.AddSingleton<ApiKeyStore>();

        var auth = builder.Services.AddAuthentication(Policy);
        // An API key (X-Api-Key, or a bearer credential starting whk_) goes to the key handler; any other bearer
        // credential to the JWT handler its issuer names.
        auth.AddPolicyScheme(Policy, "API key, local or Entra ID", o => o.ForwardDefaultSelector = ctx =>
            ApiKeyAuthenticationHandler.KeyOf(ctx.Request) is not null ? ApiKeyScheme :
            local.Enabled == true && IssuerOf(ctx.Request.Headers.Authorization.ToString()) == local.Issuer || !entra ? LocalScheme : EntraScheme);
        auth.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);
        auth.AddJwtBearer(LocalScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = issuer.ValidationParameters();
            if (local.Enabled != true)
            {
                // Disabled: no key validates, so every local token is refused with a clear reason.
                o.TokenValidationParameters.IssuerSigningKey = null;
                o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [];
            }
            o.Events = Events(local.Enabled == true ? null : "the local token issuer is disabled on this server", authorizationUri);
        });
        if (entra)
        {
            auth.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), EntraScheme);
            builder.Services.Configure<JwtBearerOptions>(EntraScheme, o =>
            {
                o.MapInboundClaims = false;
                o.Events = Events(null, authorizationUri);
            });
        }
        builder.Services.AddAuthorization();
        return builder;
    }

    private static string? IssuerOf(string header)
    {
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            return new JsonWebToken(header[7..].Trim()).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>https://login.microsoftonline.com/{tenant}/oauth2/authorize, from AzureAd:Instance and AzureAd:TenantId.</summary>
    internal static string AuthorizationUri(IConfiguration configuration)
    {
        var instance = configuration["AzureAd:Instance"] is { Length: > 0 } i ? i.TrimEnd('/') : "https://login.microsoftonline.com";
        var tenant = configuration["AzureAd:TenantId"] is { Length: > 0 } t ? t : "organizations";
        return $"{instance}/{tenant}/oauth2/authorize";
    }

    private static JwtBearerEvents Events(string? disabledReason, string? authorizationUri) => new()
    {
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var reason = disabledReason is not null && context.AuthenticateFailure is not null ? disabledReason : Reason(context);
            await Unauthorized.WriteAsync(context.Response, reason, authorizationUri);
        },
    };

    /// <summary>The one 401 shape, for bearer tokens and API keys alike: a challenge header and a coded GraphQL-style body.</summary>
    private static string Reason(JwtBearerChallengeContext context) => context.AuthenticateFailure switch
    {
        null => string.IsNullOrEmpty(context.Request.Headers.Authorization) ? "no bearer token" : "the bearer token could not be read",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not yet valid",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token signature is invalid",
        SecurityTokenInvalidIssuerException => "the token issuer is not trusted",
        SecurityTokenInvalidAudienceException => "the token audience is not this API",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        var e => "the token was rejected (" + e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal) + ")",
    };
}
