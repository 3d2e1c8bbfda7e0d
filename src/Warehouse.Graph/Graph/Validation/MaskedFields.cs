using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Graph.Validation;

/// <summary>
/// The one decision behind FIELD_MASKED before execution: a filter or sort input names a field (or an as-of
/// condition reading one) that the role reads masked. Masked fields stay in the role's input types, because the
/// role may read them, so the schema alone cannot refuse them; this walks argument literals and variable values
/// against their input types and reports each such field where it is written. The compilers check again
/// (<see cref="FieldGuard.RequireFull"/>) for paths that do not come through GraphQL.
/// </summary>
internal static class MaskedFields
{
    /// <summary>Reports masked fields in a literal; true when it reported one.</summary>
    public static bool ReportInLiteral(ValidationContext context, IGraphType? type, GraphQLValue value) =>
        InputFieldWalk.Literal(type, value, (input, name, known, node) => Check(context, input, name, known, node));

    /// <summary>Reports masked fields in a variable's raw value (before GraphQL.NET coerces it).</summary>
    public static void ReportInValue(ValidationContext context, IGraphType? type, object? value, ASTNode node) =>
        InputFieldWalk.Value(type, value, node, (input, name, known, at) => Check(context, input, name, known, at));

    /// <summary>
    /// Only names the input has are ours (anything else is the library's error, or FIELD_HIDDEN); a masked one is
    /// reported, any other is looked into.
    /// </summary>
    private static InputFieldVerdict Check(ValidationContext context, IInputObjectGraphType input, string name, FieldType? known, ASTNode node)
    {
        if (known is null)
        {
            return InputFieldVerdict.Skip;
        }
        if (Find(context, input.Name, name) is not { } masked)
        {
            return InputFieldVerdict.Descend;
        }
        context.ReportError(Error(context, masked, input.Name, node));
        return InputFieldVerdict.Reported;
    }

    /// <summary>
    /// The masked field behind <paramref name="name"/> on a filter or sort input: the field itself, or for an as-of
    /// condition the first of its source fields the role reads masked. Null for anything else (other inputs, fields
    /// read in full, hidden fields, which FIELD_HIDDEN reports).
    /// </summary>
    public static FieldDef? Find(ValidationContext context, string inputType, string name)
    {
        var entityName = GraphTypeNames.EntityOfInput(inputType);
        if (entityName is null || WarehouseCatalogue.Default.Find(entityName) is not { } entity)
        {
            return null;
        }
        var access = ((GraphRequestContext)context.UserContext).Access;
        bool IsMasked(FieldDef f) => access.GrantFor(f).Access == Access.Masked;
        if (entity.Field(name) is { } field)
        {
            return IsMasked(field) ? field : null;
        }
        return entity.AsOf(name)?.Sources.FirstOrDefault(IsMasked);
    }

    private static FieldMaskedError Error(ValidationContext context, FieldDef field, string inputType, ASTNode node) =>
        new(context, ((GraphRequestContext)context.UserContext).Access, field,
            GraphTypeNames.IsSort(inputType) ? "order" : "where", node);
}
