using System.Diagnostics.Metrics;

namespace Warehouse.Observability;

/// <summary>
/// The document cache's counters on the warehouse meter (exported at /metrics with the others): a hit skipped
/// parsing and the document rules, a miss ran them; evictions show whether the cache is too small for the traffic.
/// </summary>
internal static class DocumentCacheMetrics
{
    public static readonly Counter<long> Hits =
        WarehouseTelemetry.Meter.CreateCounter<long>("warehouse.graphql.document_cache.hits", "{lookup}",
            "Requests whose document was already parsed and validated for the role's schema.");

    public static readonly Counter<long> Misses =
        WarehouseTelemetry.Meter.CreateCounter<long>("warehouse.graphql.document_cache.misses", "{lookup}",
            "Requests whose document was validated for the role's schema.");

    public static readonly Counter<long> Evictions =
        WarehouseTelemetry.Meter.CreateCounter<long>("warehouse.graphql.document_cache.evictions", "{document}",
            "Parsed documents dropped, least recently used first, to stay within the size limit.");
}
