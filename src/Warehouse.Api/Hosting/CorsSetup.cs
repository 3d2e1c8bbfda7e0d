using Microsoft.AspNetCore.Cors.Infrastructure;
using Warehouse.Http;

namespace Warehouse.Api.Hosting;

/// <summary>
/// CORS for dashboards served from their own origin: only the origins listed in
/// <c>Warehouse:Cors:AllowedOrigins</c> (none by default, so nothing changes unless an operator opts in), only for
/// /graphql and /export/*. Credentials are never allowed: the API takes a bearer token in the Authorization header,
/// not cookies, so a page can only call it with a token it already holds.
/// </summary>
public static class CorsSetup
{
    /// <summary>Response headers a script may read: the aggregate export's protection flags and the trace id.</summary>
    public static readonly string[] ExposedHeaders = ["Warehouse-Protected", "Warehouse-Withheld-Groups", "Content-Disposition", "WWW-Authenticate"];

    public static WebApplicationBuilder AddWarehouseCors(this WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection("Warehouse:Cors:AllowedOrigins").Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            // An origin is scheme://host[:port], nothing more; a path or a wildcard here is a configuration mistake
            // that would otherwise silently match nothing (or everything).
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/"
                || origin.EndsWith('/') || origin.Contains('*'))
            {
                throw new InvalidOperationException(
                    $"Warehouse:Cors:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path, no wildcard).");
            }
        }
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicies.Clients, new CorsPolicyBuilder()
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept", "X-Api-Key", "traceparent")
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build()));
        return builder;
    }
}
