using GraphQL;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// A request that tried to reveal more records than <see cref="AuditBuffer.MaxRevealedRecords"/> gets no data at
/// all, only the REVEAL_LIMIT_EXCEEDED error: the rows revealed before the limit was hit are dropped with the rest,
/// so the limit cannot be sidestepped by taking the first 50 of a 500-row page. Runs after execution and before
/// the audit records are written, so nothing is recorded as revealed that did not leave.
/// </summary>
internal static class RevealGate
{
    public static ExecutionResult Enforce(ExecutionResult result, AuditBuffer audit)
    {
        if (!audit.RevealLimitExceeded)
        {
            return result;
        }
        var error = result.Errors?.FirstOrDefault(e => e.Code == ErrorCodes.RevealLimitExceeded)
                    ?? new ExecutionError(
                        $"One request may reveal at most {AuditBuffer.MaxRevealedRecords} records.")
                    { Code = ErrorCodes.RevealLimitExceeded };
        return new ExecutionResult { Executed = true, Data = null, Errors = [error], Operation = result.Operation };
    }
}
