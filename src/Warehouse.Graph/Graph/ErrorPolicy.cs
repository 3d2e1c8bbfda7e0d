using GraphQL;
using GraphQL.Execution;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Graph;

/// <summary>
/// Every error leaves with a code. Resolver exceptions become coded errors (a caller's mistake keeps its
/// message; anything else is logged and answered without internals). A field hidden for the role is not handled
/// here: the validation rules in Graph/Validation report FIELD_HIDDEN from the document itself.
/// </summary>
internal static class ErrorPolicy
{
    public static Task OnUnhandled(UnhandledExceptionContext context, ILogger logger)
    {
        if (context.FieldContext?.CancellationToken.IsCancellationRequested == true)
        {
            // After the deadline (or the client leaving) whatever a resolver still throws — a disposed request
            // service, an interrupted statement — is the cancellation showing, not a fault to log.
            context.Exception = new ExecutionError("The request was cancelled or timed out.") { Code = "CANCELLED" };
            return Task.CompletedTask;
        }
        switch (context.OriginalException)
        {
            case QueryException q:
                context.Exception = new ExecutionError(q.Message) { Code = q.Code };
                break;
            case AdminException a:
                var error = new ExecutionError(a.Message) { Code = a.Code };
                if (a.Details.Count > 0)
                {
                    // extensions.details, where the console and docs/querying.md read the list (Data would land
                    // in extensions.data.details).
                    error.AddExtension("details", a.Details);
                }
                context.Exception = error;
                break;
            case ArgumentException when context.FieldContext?.FieldDefinition?.Name == "__type":
                // GraphQL.NET's __type resolver looks the name up without checking it; "" throws. No type has that
                // name, so the caller gets null and a coded error naming the argument instead of INTERNAL_ERROR.
                context.Exception = new ExecutionError("__type(name:): no type has an empty or invalid name.") { Code = ErrorCodes.InvalidValue };
                break;
            case OperationCanceledException:
            case var i when Warehouse.Data.SqliteInterruptInterceptor.IsInterrupt(i):
                // An interrupted SQLite statement is the timeout (or the client leaving) at work, not a database fault.
                context.Exception = new ExecutionError("The request was cancelled or timed out.") { Code = "CANCELLED" };
                break;
            case var e when Warehouse.Http.DatabaseFaults.Classify(e) is { } fault:
                logger.LogError(e, "Database fault {Code}", fault.Code);
                context.Exception = new ExecutionError(fault.Message) { Code = fault.Code };
                break;
            default:
                logger.LogError(context.OriginalException, "Unhandled error in resolver");
                context.Exception = new ExecutionError("Internal error; it has been logged.") { Code = "INTERNAL_ERROR" };
                break;
        }
        return Task.CompletedTask;
    }
}
