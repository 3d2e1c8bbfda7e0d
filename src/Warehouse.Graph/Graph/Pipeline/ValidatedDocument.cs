using GraphQLParser.AST;

namespace Warehouse.Graph.Pipeline;

/// <summary>
/// One operation of a cached document that passed the document rules for one role schema: what the request pass
/// still has to check. Only variable-independent verdicts are kept; a cost that read a variable is measured again.
/// </summary>
internal sealed record ValidatedDocument(GraphQLOperationDefinition Operation, bool CostReadsVariables)
{
    public bool HasVariables => Operation.Variables?.Count > 0;
}
