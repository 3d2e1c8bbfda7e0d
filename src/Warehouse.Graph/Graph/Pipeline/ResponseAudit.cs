using GraphQL;
using Warehouse.Security;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// The last step before data leaves: the reveal limit (<see cref="RevealGate"/>), then the audit records of what the
/// result holds, committed first. When the audit cannot be written no data is returned
/// (<see cref="AuditUnavailableException"/>, answered 503): personal data never leaves unrecorded.
/// </summary>
internal sealed class ResponseAudit(AuditWriter audit, ILogger<ResponseAudit> logger)
{
    public async Task<ExecutionResult> RecordAsync(ExecutionResult result, GraphRequestContext context, string? operationName, string? documentHash,
        CancellationToken ct)
    {
        result = RevealGate.Enforce(result, context.Audit);
        if (!result.Executed || result.Data is null || context.Audit.IsEmpty)
        {
            return result;
        }
        try
        {
            await audit.WriteAsync(context.Access, context.Audit, AuditKinds.DataAccess, operationName ?? result.Operation?.Name?.StringValue, documentHash,
                ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Audit trail could not be written; no data returned");
            throw new AuditUnavailableException();
        }
        return result;
    }
}
