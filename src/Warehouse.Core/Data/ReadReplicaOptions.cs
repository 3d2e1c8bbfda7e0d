namespace Warehouse.Data;

/// <summary>
/// How data reads use the read replicas (configuration section <c>Warehouse:ReadReplicas</c>); the replicas themselves
/// are the connection strings named <c>WarehouseRead</c>, <c>WarehouseRead2</c>, … (see docs/deployment.md).
/// </summary>
public sealed class ReadReplicaOptions
{
    /// <summary>
    /// When no replica can be reached: read from the primary (default; a county would rather have slower answers
    /// than none), or refuse the read with REPLICA_UNAVAILABLE (503) to keep the read load off the primary.
    /// </summary>
    public bool FallbackToPrimary { get; set; } = true;

    /// <summary>A replica that refused a connection is skipped for this long before it is tried again.</summary>
    public int RetryAfterSeconds { get; set; } = 10;
}
