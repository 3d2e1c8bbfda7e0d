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
    private const string FilterSuffix = "FilterInput";
    private const string SortSuffix = "SortInput";

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
    public static bool ReportInLiteral(ValidationContext context, IGraphType? type, GraphQLValue value)
    {
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
        if (type is ListGraphType list)
        {
            return value is GraphQLListValue items
                ? (items.Values ?? []).Aggregate(false, (found, item) => ReportInLiteral(context, list.ResolvedType, item) | found)
                : ReportInLiteral(context, list.ResolvedType, value);
        }
        if (type is not IInputObjectGraphType input || value is not GraphQLObjectValue literal)
        {
            return false;
        }
        var reported = false;
        foreach (var field in literal.Fields ?? [])
        {
            if (input.GetField(field.Name.StringValue) is { } known)
            {
                reported |= ReportInLiteral(context, known.ResolvedType, field.Value);
            }
            else if (Find(context, input.Name, field.Name.StringValue) is { } hidden)
            {
                context.ReportError(Error(context, hidden, field));
                reported = true;
            }
        }
        return reported;
    }

    /// <summary>The schema type a variable is declared with ([MemberFilterInput!] and so on), or null when unknown.</summary>
    public static IGraphType? TypeOf(ISchema schema, GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeOf(schema, nonNull.Type) is { } inner ? new NonNullGraphType(inner) : null,
        GraphQLListType list => TypeOf(schema, list.Type) is { } inner ? new ListGraphType(inner) : null,
        GraphQLNamedType named => schema.AllTypes[named.Name.StringValue],
        _ => null,
    };

    private static string EntityOf(string graphType) =>
        graphType.EndsWith(FilterSuffix, StringComparison.Ordinal) ? graphType[..^FilterSuffix.Length]
        : graphType.EndsWith(SortSuffix, StringComparison.Ordinal) ? graphType[..^SortSuffix.Length]
        : graphType;
}
