using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Warehouse.Graph;

/// <summary>
/// GraphQL.NET's parallel strategy (queries) with one more place that honours the deadline. The library checks the
/// request's token when a node starts, but builds the child nodes of a list's items in one synchronous loop, and
/// collecting an item's fields expands its fragment spreads (exponential in nested spreads, unmeasured by the
/// library): a 700-byte fragment bomb kept a core busy for seconds to minutes after its 504. Checking the token
/// before each collection bounds that to one item's worth of work.
/// </summary>
internal sealed class DeadlineQueryStrategy : ParallelExecutionStrategy
{
    protected override Dictionary<string, (GraphQLField field, FieldType fieldType)> CollectFieldsFrom(
        ExecutionContext context, IGraphType specificType, GraphQLSelectionSet selectionSet, Dictionary<string,
            (GraphQLField field, FieldType fieldType)>? fields)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return base.CollectFieldsFrom(context, specificType, selectionSet, fields);
    }
}
