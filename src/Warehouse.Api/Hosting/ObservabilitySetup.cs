using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Warehouse.Observability;

namespace Warehouse.Api.Hosting;

/// <summary>OpenTelemetry traces and metrics: ASP.NET Core and the warehouse's own, to Prometheus and/or OTLP.</summary>
internal static class ObservabilitySetup
{
    public static WebApplicationBuilder AddWarehouseObservability(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.AddSingleton(options);
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("warehouse-api"));
        otel.WithMetrics(m =>
        {
            m.AddMeter(WarehouseTelemetry.Name).AddAspNetCoreInstrumentation();
            if (options.Prometheus)
            {
                m.AddPrometheusExporter();
            }
            if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
            {
                m.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint));
            }
        });
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            otel.WithTracing(t => t.AddSource(WarehouseTelemetry.Name).AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint)));
        }
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ObservabilityOptions>().Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }
        return app;
    }
}
