using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Warehouse.Graph;

/// <summary>
/// GraphQL.NET's serial strategy (mutations) with the same deadline check as <see cref="DeadlineQueryStrategy"/>:
/// a mutation's payload selection can carry the same fragment expansion as a query's.
/// </summary>
internal sealed class DeadlineMutationStrategy : SerialExecutionStrategy
{
    protected override Dictionary<string, (GraphQLField field, FieldType fieldType)> CollectFieldsFrom(
        ExecutionContext context, IGraphType specificType, GraphQLSelectionSet selectionSet, Dictionary<string,
            (GraphQLField field, FieldType fieldType)>? fields)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return base.CollectFieldsFrom(context, specificType, selectionSet, fields);
    }
}
