using System.Reflection;

namespace Warehouse.Catalogue;

/// <summary>One field the warehouse exposes: its GraphQL name, storage, meaning, sensitivity and defaults.</summary>
public sealed class FieldDef
{
    internal FieldDef(EntityDef entity, PropertyInfo property, string name, string column, string label,
        string description, FieldKind kind, Sensitivity sensitivity, MaskKind mask, FieldCaps caps,
        DefaultGrants defaults, IReadOnlyList<string> dependsOn, Identity identity)
    {
        Identity = identity;
        Entity = entity;
        Property = property;
        Name = name;
        Column = column;
        Label = label;
        Description = description;
        Kind = kind;
        Sensitivity = sensitivity;
        Mask = mask;
        Caps = caps;
        Defaults = defaults;
        DependsOn = dependsOn;
        IsNullable = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
    }

    public EntityDef Entity { get; }
    public PropertyInfo Property { get; }
    /// <summary>GraphQL name (camelCase).</summary>
    public string Name { get; }
    /// <summary>Column in the API view.</summary>
    public string Column { get; }
    /// <summary>Chinese label (used in docs, CSV headers and the admin console).</summary>
    public string Label { get; }
    public string Description { get; }
    public FieldKind Kind { get; }
    public Sensitivity Sensitivity { get; }
    /// <summary>Whether the field points at a person (never a key or filter term of a protected aggregate).</summary>
    internal Identity Identity { get; }
    public bool IsIdentifying => Identity == Identity.Identifying;
    /// <summary>One of the region codes a row carries (countyCode, townshipCode, villageCode; see EntityBuilder.RegionCodes).</summary>
    public bool IsRegionCode { get; internal set; }
    public MaskKind Mask { get; }
    internal FieldCaps Caps { get; }
    public DefaultGrants Defaults { get; }
    /// <summary>Other properties a mask needs to see (e.g. payee type for payee names).</summary>
    public IReadOnlyList<string> DependsOn { get; }
    public bool IsNullable { get; }

    /// <summary>
    /// False for codes, identifiers, phone and account numbers (ASCII; varchar on SQL Server); true for Chinese text.
    /// Keyed by column name so the catalogue and the T-SQL scripts agree (SchemaParityTests check the scripts).
    /// </summary>
    public bool IsUnicodeText => !(Column.EndsWith("_id", StringComparison.Ordinal) || Column.EndsWith("_code", StringComparison.Ordinal)
        || Column is "code" or "level" or "phone" or "id_number" or "bank_account" or "cadre_phone" or "disability_cert_no"
            or "geo_point" or "operator_uscc" or "payee_account" or "urban_rural_type" or "link_id");

    public bool CanFilter => (Caps & FieldCaps.Filter) != 0;
    public bool CanSort => (Caps & FieldCaps.Sort) != 0;
    public bool CanGroup => (Caps & FieldCaps.Group) != 0;

    /// <summary>Type.field, as used in error messages and the permission matrix.</summary>
    public string QualifiedName => $"{Entity.TypeName}.{Name}";

    public override string ToString() => QualifiedName;
}
