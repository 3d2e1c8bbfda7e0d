using GraphQL.Types;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>One cell of the permission matrix.</summary>
internal sealed class FieldAccessType : ObjectGraphType<FieldPermissionRow>
{
    public FieldAccessType()
    {
        Name = "FieldAccess";
        Description = "What a role may read of one field: FULL, MASKED or HIDDEN, plus revealable and aggregate-only. Edit with setFieldAccess, " +
            "naming the version you saw.";
        Field(x => x.Role).Description("county, township or village.");
        Field("type", x => x.TypeName).Description("GraphQL type, e.g. Member.");
        Field("field", x => x.FieldName).Description("GraphQL field, e.g. idNumber.");
        Field<NonNullGraphType<StringGraphType>>("label").Description("Chinese label of the field.")
            .Resolve(c => WarehouseCatalogue.Default.Find(c.Source.TypeName)?.Field(c.Source.FieldName)?.Label ?? "");
        Field(x => x.Access).Description("FULL, MASKED or HIDDEN.");
        // What the field allows, from the catalogue through the same rules setFieldAccess checks, so a console
        // offers only choices the server accepts and can say why the others are missing.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("allowedAccess")
            .Description("The access levels this field may be set to (MASKED only when the field has a mask; a key stays FULL).")
            .Resolve(c => FieldOf(c.Source) is { } f ? FieldAccessRules.Allowed(f).Select(AccessNames.ToName).ToList() : new List<string>());
        Field<StringGraphType>("mask").Description("How the field is masked for MASKED (e.g. PHONE, ID_NUMBER); null when it has no mask.")
            .Resolve(c => FieldOf(c.Source) is { Mask: not MaskKind.None } f ? MaskName(f.Mask) : null);
        Field<StringGraphType>("accessRestriction").Description("Why the access levels missing from allowedAccess are not allowed; null when all are.")
            .Resolve(c => FieldOf(c.Source) is { } f
                ? string.Join("; ", new[] { Access.Full, Access.Masked, Access.Hidden }.Select(a => FieldAccessRules.WhyNot(f, a))
                    .OfType<string>()) is { Length: > 0 } why ? why : null
                : null);
        Field<StringGraphType>("aggregateOnlyRestriction").Description("Why this field can never be aggregate-only; null when it can (with HIDDEN).")
            .Resolve(c => FieldOf(c.Source) is { } f ? FieldAccessRules.WhyNotAggregateOnly(f) : null);
        Field(x => x.Revealable).Description("The full value may be asked for with a reason (audited).");
        Field(x => x.AggregateOnly).Description("Usable in grouping and aggregates only, never per row.");
        Field(x => x.Version).Description("Version of this cell; send it back as expectedVersion when editing.");
        Field(x => x.UpdatedAt).Description("Last change (UTC).");
        Field(x => x.UpdatedBy).Description("Who made the last change.");
    }

    private static FieldDef? FieldOf(FieldPermissionRow row) => WarehouseCatalogue.Default.Find(row.TypeName)?.Field(row.FieldName);

    /// <summary>PersonName → PERSON_NAME, as GraphQL enum values are spelled.</summary>
    private static string MaskName(MaskKind kind) =>
        string.Concat(kind.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + ch : ch.ToString())).ToUpperInvariant();
}
