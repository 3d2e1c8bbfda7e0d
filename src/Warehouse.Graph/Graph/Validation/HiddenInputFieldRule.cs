using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>
/// GraphQL.NET's ArgumentsOfCorrectType, except that an argument literal naming a field the role may not see
/// (<c>where: {diseaseName: …}</c>, <c>order: [{bankName: ASC}]</c>, a relation filter's inner field) gets
/// FIELD_HIDDEN at that field instead of the library's "unknown field" for the whole argument.
/// </summary>
internal sealed class HiddenInputFieldRule : ValidationRuleBase
{
    public static readonly HiddenInputFieldRule Instance = new();

    private HiddenInputFieldRule()
    {
    }

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new Visitor(await ArgumentsOfCorrectType.Instance.GetPreNodeVisitorAsync(context).ConfigureAwait(false));

    private sealed class Visitor(INodeVisitor? library) : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context) =>
            node is GraphQLArgument argument && context.TypeInfo.GetArgument() is { } definition
            && HiddenFields.ReportInLiteral(context, definition.ResolvedType, argument.Value)
                ? default
                : library?.EnterAsync(node, context) ?? default;

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => library?.LeaveAsync(node, context) ?? default;
    }
}
