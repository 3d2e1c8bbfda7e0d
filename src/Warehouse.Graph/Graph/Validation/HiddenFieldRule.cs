using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>
/// GraphQL.NET's FieldsOnCorrectType with one difference: a selected field the role's schema lacks but the
/// catalogue hides from the role is FIELD_HIDDEN naming field and role, decided on the AST and the type the
/// validator is at, so a library upgrade that rewords its messages cannot turn a hidden field into a typo.
/// Every other unknown field is left to the library's rule, with its suggestions.
/// </summary>
internal sealed class HiddenFieldRule : ValidationRuleBase
{
    public static readonly HiddenFieldRule Instance = new();

    private HiddenFieldRule()
    {
    }

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new Visitor(await FieldsOnCorrectType.Instance.GetPreNodeVisitorAsync(context).ConfigureAwait(false));

    private sealed class Visitor(INodeVisitor? library) : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            // The type info visitor has entered the field already: parent type known, definition null if unknown.
            if (node is GraphQLField field && context.TypeInfo.GetFieldDef() is null
                && context.TypeInfo.GetParentType()?.GetNamedType() is { } parent
                && HiddenFields.Find(context, parent.Name, field.Name.StringValue) is { } hidden)
            {
                context.ReportError(HiddenFields.Error(context, hidden, field));
                return default;
            }
            return library?.EnterAsync(node, context) ?? default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => library?.LeaveAsync(node, context) ?? default;
    }
}
