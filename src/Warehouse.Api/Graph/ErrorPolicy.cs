using System.Data.Common;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using Warehouse.Catalogue;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Api.Graph;

/// <summary>
/// Every error leaves with a code. Resolver exceptions become coded errors (a caller's mistake keeps its
/// message; anything else is logged and answered without internals). Validation errors about a field that
/// exists in the catalogue but is hidden for the role are reworded to name the field and the role.
/// </summary>
internal static partial class ErrorPolicy
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
                    error.Data["details"] = a.Details;
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
            case var e when Hosting.DatabaseFaults.Classify(e) is { } fault:
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

    /// <summary>"Cannot query field 'x' on type 'T'." → FIELD_HIDDEN naming field and role, when the catalogue has T.x.</summary>
    public static void RewordHidden(ExecutionResult result, AccessContext access)
    {
        if (result.Errors is null)
        {
            return;
        }
        var errors = new ExecutionErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(Hidden(error, access) ?? error);
        }
        result.Errors = errors;
    }

    private static ExecutionError? Hidden(ExecutionError error, AccessContext access)
    {
        FieldDef? field = null;
        if (UnknownField().Match(error.Message) is { Success: true } output)
        {
            field = WarehouseCatalogue.Default.Find(TypeOf(output.Groups["type"].Value))?.Field(output.Groups["field"].Value);
        }
        else if (UnknownInputField().Match(error.Message) is { Success: true } input)
        {
            field = WarehouseCatalogue.Default.Find(TypeOf(input.Groups["type"].Value))?.Field(input.Groups["field"].Value);
        }
        else if (UnknownLiteralField().Match(error.Message) is { Success: true } literal)
        {
            // The literal's message does not name the input type: any catalogue field of that name hidden for the role.
            field = WarehouseCatalogue.Default.Exposed.SelectMany(e => e.Fields)
                .FirstOrDefault(f => f.Name == literal.Groups["field"].Value && access.GrantFor(f).Access == Access.Hidden);
        }
        // Only a field the catalogue has and the role may not see becomes FIELD_HIDDEN; a typo stays a typo.
        if (field is null || access.GrantFor(field).Access != Access.Hidden)
        {
            return null;
        }
        var replacement = new ExecutionError(FieldGuard.Hidden(access, field).Message) { Code = ErrorCodes.FieldHidden };
        foreach (var location in error.Locations ?? [])
        {
            replacement.AddLocation(location);
        }
        return replacement;
    }

    private static string TypeOf(string graphType) =>
        graphType.EndsWith("FilterInput", StringComparison.Ordinal) ? graphType[..^"FilterInput".Length]
        : graphType.EndsWith("SortInput", StringComparison.Ordinal) ? graphType[..^"SortInput".Length]
        : graphType;

    [GeneratedRegex("^(Cannot query field|Field) '(?<field>[_A-Za-z0-9]+)' (on type|is not defined by type) '(?<type>[_A-Za-z0-9]+)'")]
    private static partial Regex UnknownField();

    [GeneratedRegex("Unrecognized input fields? '(?<field>[_A-Za-z0-9]+)'[^.]*? for type '(?<type>[_A-Za-z0-9]+)'")]
    private static partial Regex UnknownInputField();

    [GeneratedRegex("In field '(?<field>[_A-Za-z0-9]+)': Unknown field")]
    private static partial Regex UnknownLiteralField();
}
