using Warehouse.Graph;

namespace Warehouse.Api.Hosting;

/// <summary>The GraphQL engine, per-role schemas and the HTTP transport's services.</summary>
internal static class GraphSetup
{
    public static WebApplicationBuilder AddWarehouseGraph(this WebApplicationBuilder builder)
    {
        var limits = builder.Services.AddWarehouseGraph(builder.Configuration);
        // Kestrel refuses request lines over 8 KB itself, with an empty 414; a GET query string may be as long as a
        // POST body (MaxBodyBytes), so the line is allowed that much plus room for the path, and the API's own
        // coded 414 REQUEST_TOO_LARGE answers anything between.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, limits.MaxBodyBytes + 8 * 1024));
        return builder;
    }
}
