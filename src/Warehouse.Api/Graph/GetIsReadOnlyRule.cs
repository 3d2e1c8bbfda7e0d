using GraphQL.Validation;
using GraphQLParser.AST;

namespace Warehouse.Api.Graph;

/// <summary>GET must not change anything: a mutation sent by GET fails (HTTP 405, as the GraphQL-over-HTTP spec says).</summary>
internal sealed class GetIsReadOnlyRule : ValidationRuleBase
{
    public const string Code = "MUTATION_OVER_GET";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((op, ctx) =>
        {
            if (op.Operation == OperationType.Mutation && (ctx.Operation is null || ctx.Operation == op))
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, Code, "Mutations must be sent with POST, not GET.", op));
            }
        }));
}
