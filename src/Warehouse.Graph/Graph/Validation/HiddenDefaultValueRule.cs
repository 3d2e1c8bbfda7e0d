using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>
/// GraphQL.NET's DefaultValuesOfCorrectType, except that a variable's default value naming a field the role may
/// not see (<c>query($w: MemberFilterInput = {diseaseName: …})</c>) gets FIELD_HIDDEN at that field.
/// </summary>
internal sealed class HiddenDefaultValueRule : ValidationRuleBase
{
    public static readonly HiddenDefaultValueRule Instance = new();

    private HiddenDefaultValueRule()
    {
    }

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new Visitor(await DefaultValuesOfCorrectType.Instance.GetPreNodeVisitorAsync(context).ConfigureAwait(false));

    private sealed class Visitor(INodeVisitor? library) : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context) =>
            node is GraphQLVariableDefinition { DefaultValue: { } value } variable
            && HiddenFields.ReportInLiteral(context, HiddenFields.TypeOf(context.Schema, variable.Type), value)
                ? default
                : library?.EnterAsync(node, context) ?? default;

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => library?.LeaveAsync(node, context) ?? default;
    }
}
