using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Warehouse.Catalogue;

namespace Warehouse.Graph.Validation;

/// <summary>
/// The one decision behind FIELD_HIDDEN: a name the role's schema lacks is a hidden field (not a typo) when the
/// catalogue has it on the entity behind the graph type and the role's grant for it is Hidden. Graph types map to
/// entities by name: <c>Member</c>, <c>MemberFilterInput</c> and <c>MemberSortInput</c> are all Member.
/// </summary>
internal static class HiddenFields
{
    public static FieldDef? Find(ValidationContext context, string graphType, string field)
    {
        var access = ((GraphRequestContext)context.UserContext).Access;
        var found = WarehouseCatalogue.Default.Find(EntityOf(graphType))?.Field(field);
        return found is not null && access.GrantFor(found).Access == Access.Hidden ? found : null;
    }

    public static FieldHiddenError Error(ValidationContext context, FieldDef field, ASTNode node) =>
        new(context, ((GraphRequestContext)context.UserContext).Access, field, node);

    /// <summary>
    /// Walks a literal against its input type and reports every object field the type lacks that is hidden for the
    /// role; true when it reported one (the caller then leaves out GraphQL.NET's own error for the same value).
    /// </summary>
    public static bool ReportInLiteral(ValidationContext context, IGraphType? type, GraphQLValue value) =>
        InputFieldWalk.Literal(type, value, (input, name, known, node) => Check(context, input, name, known, node));

    /// <summary>Reports every hidden field inside a variable's raw value against its declared type.</summary>
    public static void ReportInValue(ValidationContext context, IGraphType? type, object? value, ASTNode node) =>
        InputFieldWalk.Value(type, value, node, (input, name, known, at) => Check(context, input, name, known, at));

    /// <summary>A name the input has is looked into; one it lacks is reported when it is a hidden field.</summary>
    private static InputFieldVerdict Check(ValidationContext context, IInputObjectGraphType input, string name, FieldType? known, ASTNode node)
    {
        if (known is not null)
        {
            return InputFieldVerdict.Descend;
        }
        if (Find(context, input.Name, name) is not { } hidden)
        {
            return InputFieldVerdict.Skip;
        }
        context.ReportError(Error(context, hidden, node));
        return InputFieldVerdict.Reported;
    }

    /// <summary>The schema type a variable is declared with ([MemberFilterInput!] and so on), or null when unknown.</summary>
    public static IGraphType? TypeOf(ISchema schema, GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeOf(schema, nonNull.Type) is { } inner ? new NonNullGraphType(inner) : null,
        GraphQLListType list => TypeOf(schema, list.Type) is { } inner ? new ListGraphType(inner) : null,
        GraphQLNamedType named => schema.AllTypes[named.Name.StringValue],
        _ => null,
    };

    private static string EntityOf(string graphType) => GraphTypeNames.EntityOfInput(graphType) ?? graphType;
}
