using GraphQL.Validation;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>
/// FIELD_MASKED for a masked field in a filter or sort argument literal (<c>where: {name: {eq: "张三"}}</c> for a role
/// that reads names masked), reported from the document before anything runs. Part of the cached document set.
/// </summary>
internal sealed class MaskedFieldRule : ValidationRuleBase
{
    public static readonly MaskedFieldRule Instance = new();

    private MaskedFieldRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new Visitor());

    private sealed class Visitor : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLArgument argument && context.TypeInfo.GetArgument() is { } definition)
            {
                MaskedFields.ReportInLiteral(context, definition.ResolvedType, argument.Value);
            }
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
