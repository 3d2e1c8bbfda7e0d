using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Warehouse.Graph;
using Warehouse.Querying;

namespace Warehouse.Limits;

/// <summary>
/// The request limits (operations, depth, introspection depth, aliases, cost, filter cost, introspection on/off)
/// as a GraphQL.NET validation rule. It measures in <see cref="GetPreNodeVisitorAsync"/>, before any rule walks the
/// document, and reports the first broken limit as a <see cref="LimitError"/> with its code; every other rule of the
/// document set is wrapped in <see cref="AfterLimits"/> and stands down once that error is there, so a fragment
/// bomb is refused after our bounded walk instead of being expanded by OverlappingFieldsCanBeMerged.
/// Two instances: the document pass (cached per role schema and text, variables unknown: a cost that reads a
/// variable is left to the request pass unless it is already unbounded) and the request pass (run on a cached
/// document only when its cost read a variable).
/// </summary>
internal sealed class LimitsRule(LimitsOptions limits, PagingOptions paging, IHostEnvironment environment, bool withVariables) : IValidationRule
{
    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var request = (GraphRequestContext)context.UserContext;
        if (Refusal(context.Document, context.Schema, context.Operation, withVariables ? context.Variables : null, request) is { } error)
        {
            context.ReportError(error);
        }
        return default;
    }

    /// <summary>
    /// The first limit the operation breaks, or null. Also the check for a document whose operation cannot be
    /// selected (several anonymous ones): GraphQL.NET refuses those before validation, but an over-limit
    /// document is refused for its limit first, as it always was.
    /// </summary>
    public LimitError? Refusal(GraphQLDocument document, ISchema schema, GraphQLOperationDefinition? operation, Inputs? variables, GraphRequestContext request)
    {
        var role = request.Access.RoleName;
        var roleLimits = limits.For(role);
        var metrics = operation is null
            ? QueryCost.Measure(document, schema, (string?)null, variables, roleLimits, paging.DefaultPageSize)
            : QueryCost.Measure(document, schema, operation, variables, roleLimits, paging.DefaultPageSize);
        if (!withVariables && metrics.ReadsVariables && !double.IsInfinity(metrics.Complexity))
        {
            // first: $n priced as the default page size says nothing about this request's n: checked per request.
            metrics = metrics with { Complexity = 0 };
        }
        request.Cost = metrics;
        var introspection = roleLimits.Introspection ?? !environment.IsProduction();
        return LimitErrors.Check(metrics, roleLimits, introspection, role) is { } broken ? new LimitError(broken.Code, broken.Message) : null;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
