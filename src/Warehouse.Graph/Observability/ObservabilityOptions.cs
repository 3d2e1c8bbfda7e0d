namespace Warehouse.Observability;

/// <summary>Configuration section <c>Warehouse:Observability</c>.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Warehouse:Observability";

    /// <summary>Serve Prometheus metrics at /metrics (default on).</summary>
    public bool Prometheus { get; set; } = true;
    /// <summary>OTLP collector endpoint (e.g. http://collector:4317); traces and metrics are exported there when set.</summary>
    public string? OtlpEndpoint { get; set; }
    /// <summary>One structured log line per GraphQL request (default on).</summary>
    public bool RequestLog { get; set; } = true;
}
