using System.Reflection;

namespace Warehouse.Catalogue;

/// <summary>
/// A relation from one entity to another: a list (household → members) or a single reference
/// (member → household), joined on parent key = child key, optionally through a link entity
/// (project → beneficiary households through project_beneficiaries).
/// </summary>
public sealed class RelationDef
{
    internal RelationDef(EntityDef owner, string name, string label, string description, string targetType,
        bool isList, string parentKey, string childKey, LinkDef? via)
    {
        Owner = owner;
        Name = name;
        Label = label;
        Description = description;
        TargetType = targetType;
        IsList = isList;
        ParentKey = parentKey;
        ChildKey = childKey;
        Via = via;
    }

    public EntityDef Owner { get; }
    public string Name { get; }
    public string Label { get; }
    public string Description { get; }
    public string TargetType { get; }
    public bool IsList { get; }
    /// <summary>Property on the owner holding the join value.</summary>
    public string ParentKey { get; }
    /// <summary>Property on the target (or, with <see cref="Via"/>, the link's target-side property's counterpart on the target).</summary>
    public string ChildKey { get; }
    public LinkDef? Via { get; }

    /// <summary>Set when the catalogue is sealed.</summary>
    public EntityDef Target { get; internal set; } = null!;

    public PropertyInfo ParentKeyProperty => Owner.ClrType.GetProperty(ParentKey)!;
    public PropertyInfo ChildKeyProperty => Target.ClrType.GetProperty(ChildKey)!;

    public string QualifiedName => $"{Owner.TypeName}.{Name}";
}
