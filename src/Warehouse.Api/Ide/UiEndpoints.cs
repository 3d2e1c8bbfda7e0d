using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Regions;
using Warehouse.Security;

namespace Warehouse.Api.Ide;

/// <summary>
/// The browser pages, built from src/Warehouse.Web into wwwroot/ui by the API's build: GraphiQL at
/// <c>GET /graphql</c> for a browser (an HTML Accept; public, the page's API calls carry the token), the
/// permission console at <c>/admin</c>, their assets under <c>/ui/</c>, the region list for signed-in users at
/// <c>/ui/regions</c>, and in Development with the local issuer on, <c>POST /dev/token</c> and <c>GET /dev/regions</c>
/// for the role/region picker. Every other request to /graphql is left to <see cref="Graph.GraphQLHttpEndpoint"/>.
/// </summary>
internal static class UiEndpoints
{
    private const string UiFolder = "wwwroot/ui";
    private static readonly TimeSpan DevTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>Serves the IDE page and the assets; goes before authentication so neither needs a token.</summary>
    public static WebApplication UseWarehouseUi(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.ContentRootPath, UiFolder);
        app.Use(async (http, next) =>
        {
            if (IsIdeRequest(http.Request))
            {
                await ServePageAsync(http, folder, "ide.html");
                return;
            }
            await next(http);
        });
        if (Directory.Exists(folder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(folder),
                RequestPath = "/ui",
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                    c.Context.Request.Path.StartsWithSegments("/ui/assets", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache",
            });
        }
        return app;
    }

    /// <summary>/admin, the region list, and (Development with the local issuer only) the local token endpoints.</summary>
    public static WebApplication MapWarehouseUi(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.ContentRootPath, UiFolder);
        app.MapGet("/admin", (HttpContext http) => ServePageAsync(http, folder, "admin.html"));
        // Browsers ask for /favicon.ico on every page; the icon is an SVG (public/favicon.svg of the web UI).
        app.MapGet("/favicon.ico", (HttpContext http) => ServeFaviconAsync(http, folder));
        // Signed in is not enough: the user must hold a role now (a revoked assignment is refused here as on /graphql).
        app.MapGet("/ui/regions", RegionsAsync).RequireResolvedAccess();
        if (DevTokensEnabled(app))
        {
            app.MapGet("/dev/regions", RegionsAsync);
            app.MapPost("/dev/token", (DevTokenRequest request, LocalTokenIssuer issuer) => IssueDevToken(request, issuer));
        }
        return app;
    }

    /// <summary>Local tokens for the picker exist only in Development and only while the local issuer is on.</summary>
    public static bool DevTokensEnabled(WebApplication app) =>
        app.Environment.IsDevelopment() && app.Services.GetRequiredService<LocalTokenIssuer>().Options.Enabled == true;

    /// <summary>A browser navigating to /graphql: GET, HTML accepted and no GraphQL/JSON media type asked for.</summary>
    public static bool IsIdeRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || !request.Path.Equals("/graphql", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("application/graphql-response+json", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task ServePageAsync(HttpContext http, string folder, string page)
    {
        var path = Path.Combine(folder, page);
        http.Response.Headers.CacheControl = "no-cache";
        if (!File.Exists(path))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                $"The web UI is not built ({UiFolder}/{page} is missing). Build the API with Node.js and npm on the PATH: dotnet build src/Warehouse.Api.");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        // The pages load only their own scripts and styles (GraphiQL's fonts are inlined as data: URLs).
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src " +
                "'self'; frame-ancestors 'none'; base-uri 'self'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await http.Response.SendFileAsync(path);
    }

    private static async Task ServeFaviconAsync(HttpContext http, string folder)
    {
        var path = Path.Combine(folder, "favicon.svg");
        if (!File.Exists(path))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = "image/svg+xml";
        http.Response.Headers.CacheControl = "public, max-age=86400";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await http.Response.SendFileAsync(path);
    }

    private static async Task<IResult> RegionsAsync(IDbContextFactory<WarehouseDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RegionInfo(r.Code, r.Name, r.Level, r.ParentCode)).ToListAsync(ct);
        return Results.Ok(regions);
    }

    private static IResult IssueDevToken(DevTokenRequest request, LocalTokenIssuer issuer)
    {
        var role = request.Role?.Trim().ToLowerInvariant() ?? "";
        if (!Roles.IsKnown(role))
        {
            return Results.BadRequest(new { error = $"Unknown role '{request.Role}': use county, township, village or admin." });
        }
        var region = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim();
        if (Roles.IsDataRole(role) && (region is null || region.Length != 12 || !region.All(char.IsAsciiDigit)))
        {
            return Results.BadRequest(new { error = $"Role {role} needs a 12-digit region code." });
        }
        if (!Roles.IsDataRole(role))
        {
            region = null;
        }
        // The same user id as the CLI's token verb, so audit records read alike.
        var userId = $"dev-{role}-{region ?? "all"}";
        var token = issuer.Issue(userId, role, region, DevTokenLifetime);
        return Results.Ok(new DevTokenResponse(token, userId, role, region, (int)DevTokenLifetime.TotalMinutes));
    }
}

/// <summary>Body of POST /dev/token.</summary>
internal sealed record DevTokenRequest(string? Role, string? Region);

/// <summary>Answer of POST /dev/token.</summary>
internal sealed record DevTokenResponse(string Token, string UserId, string Role, string? Region, int ExpiresInMinutes);

/// <summary>One region of the tree, for pickers.</summary>
internal sealed record RegionInfo(string Code, string Name, string Level, string? ParentCode);
