using System.Collections.Concurrent;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// The per-request user context: who is asking (resolved once), what must be audited, and the open relation
/// batches of this request.
/// </summary>
internal sealed class GraphRequestContext(AccessContext access, Observability.RequestTrace? trace = null) : Dictionary<string, object?>
{
    public AccessContext Access { get; } = access;
    public AuditBuffer Audit { get; } = new();
    /// <summary>Request metrics (rows returned); a detached one when the request is not traced.</summary>
    public Observability.RequestTrace Trace { get; } = trace ?? new();
    internal ConcurrentDictionary<object, RelationBatch> Batches { get; } = new();
    /// <summary>What the document was measured at by <see cref="Limits.LimitsRule"/> (null until it ran).</summary>
    internal Limits.QueryMetrics? Cost { get; set; }
}
