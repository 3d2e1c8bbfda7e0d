namespace Warehouse.Graph.Pipeline;

/// <summary>The audit trail could not be written, so the result is withheld; the handler answers 503 AUDIT_UNAVAILABLE.</summary>
internal sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException() : base("The audit trail cannot be written, so no data is returned; try again shortly.") { }
}
