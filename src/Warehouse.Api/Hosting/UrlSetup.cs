namespace Warehouse.Api.Hosting;

/// <summary>A default address that ASPNETCORE_URLS, --urls and Kestrel settings still override.</summary>
internal static class UrlSetup
{
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(url);
        }
        return builder;
    }
}
