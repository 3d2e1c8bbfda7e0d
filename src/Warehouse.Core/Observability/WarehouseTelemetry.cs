using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Warehouse.Observability;

/// <summary>
/// The warehouse's own traces and metrics (names follow OpenTelemetry conventions). Exported by the API through
/// OpenTelemetry (Prometheus at /metrics, OTLP when configured). Tags never carry personal data.
/// </summary>
public static class WarehouseTelemetry
{
    public const string Name = "Warehouse";

    public static readonly ActivitySource Traces = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Duration of GraphQL requests, by role, operation type and outcome code ("OK" when no error).</summary>
    public static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram<double>("warehouse.graphql.request.duration", "s", "Duration of GraphQL requests.");

    /// <summary>Time spent in database commands.</summary>
    public static readonly Histogram<double> DatabaseDuration =
        Meter.CreateHistogram<double>("warehouse.db.command.duration", "s", "Duration of database commands.");

    /// <summary>Rows returned to callers, by entity type.</summary>
    public static readonly Counter<long> RowsReturned =
        Meter.CreateCounter<long>("warehouse.rows.returned", "{row}", "Rows read from the views and returned.");

    /// <summary>
    /// Contexts handed to data reads, by <c>target</c>: <c>replica</c> (a <c>WarehouseRead…</c> connection),
    /// <c>primary</c> (no replica configured) or <c>fallback</c> (replicas configured, none reachable).
    /// </summary>
    public static readonly Counter<long> DataReads =
        Meter.CreateCounter<long>("warehouse.db.reads", "{context}", "Data reads by the database they were sent to.");

    /// <summary>Errors returned, by code.</summary>
    public static readonly Counter<long> Errors =
        Meter.CreateCounter<long>("warehouse.errors", "{error}", "Errors returned to callers, by code.");
}
