namespace Warehouse.Data;

/// <summary>
/// No read replica could be reached and <see cref="ReadReplicaOptions.FallbackToPrimary"/> is off: the read is
/// refused (REPLICA_UNAVAILABLE, 503) instead of being sent to the primary.
/// </summary>
public sealed class ReplicaUnavailableException : Exception
{
    public ReplicaUnavailableException()
        : base("No read replica is reachable and reads are not sent to the primary; try again shortly.")
    {
    }

    public ReplicaUnavailableException(string message)
        : base(message)
    {
    }

    public ReplicaUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
