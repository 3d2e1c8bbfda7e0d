using Warehouse.Catalogue;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>
/// What the API reads of a warehouse, derived from the catalogue alone: one view per entity, its columns with the
/// types the API reads them as, the key, region codes and references. The same list drives EF's mapping
/// (<see cref="WarehouseDbContext"/>), so a view that satisfies it is a view the API can query.
/// </summary>
internal static class Contract
{
    /// <summary>The columns of an entity's view, in catalogue order, then the hidden ones.</summary>
    public static IReadOnlyList<ContractColumn> Columns(EntityDef entity)
    {
        var columns = entity.Fields
            .Select(f => new ContractColumn(f.Column, Underlying(f.Property.PropertyType), MayBeNull(f.Property) && f != entity.Key, f,
                f == entity.Key ? "key" : f.Label))
            .ToList();
        if (entity.Minors?.Column is { } subject)
        {
            columns.Add(new ContractColumn(subject, typeof(DateOnly), Nullable: true, null,
                "birth date of the person the record is about (minors rule, never exposed)"));
        }
        if (entity.RecordKey is not null)
        {
            columns.Add(new ContractColumn(DbNames.RecordKeyColumn, typeof(long), Nullable: false, null,
                "fixed random record key (aggregate noise, never exposed)"));
        }
        return columns;
    }

    /// <summary>The regions entity: the one with a region-level field (its key is a region code of that level).</summary>
    public static EntityDef? Regions(WarehouseCatalogue catalogue) =>
        catalogue.Entities.FirstOrDefault(e => e.Fields.Any(f => f.Kind == FieldKind.RegionLevel));

    /// <summary>
    /// The region-code columns of an entity with the level each must have: countyCode, townshipCode and villageCode
    /// wherever they are declared (the row-scope columns; the regions view's own county and township columns too).
    /// </summary>
    public static IReadOnlyList<(FieldDef Field, RegionLevel Level)> RegionCodes(EntityDef entity)
    {
        var list = new List<(FieldDef, RegionLevel)>();
        foreach (var (name, level) in new[] { ("countyCode", RegionLevel.County), ("townshipCode", RegionLevel.Township),
            ("villageCode", RegionLevel.Village) })
        {
            if (entity.Field(name) is { } field && field.Property.PropertyType == typeof(string))
            {
                list.Add((field, level));
            }
        }
        return list;
    }

    /// <summary>
    /// Every reference between views the catalogue's relations rely on, once: the referencing column and the column
    /// it must find. A to-one relation references its target; a list relation is referenced by its target's child
    /// key (household.members: members.household_id → households.household_id); a relation through a link entity
    /// is referenced twice by the link.
    /// </summary>
    public static IReadOnlyList<Reference> References(WarehouseCatalogue catalogue)
    {
        var list = new List<Reference>();
        foreach (var relation in catalogue.Entities.SelectMany(e => e.Relations))
        {
            if (relation.Via is { } via)
            {
                Add(list, relation, via.Link, via.OwnerSide, relation.Owner, relation.ParentKey);
                Add(list, relation, via.Link, via.TargetSide, relation.Target, relation.ChildKey);
            }
            else if (relation.IsList)
            {
                Add(list, relation, relation.Target, relation.ChildKey, relation.Owner, relation.ParentKey);
            }
            else
            {
                Add(list, relation, relation.Owner, relation.ParentKey, relation.Target, relation.ChildKey);
            }
        }
        return list;
    }

    private static void Add(List<Reference> list, RelationDef relation, EntityDef from, string fromProperty, EntityDef to, string toProperty)
    {
        var reference = new Reference(from, FieldOf(from, fromProperty), to, FieldOf(to, toProperty), relation.QualifiedName);
        if (!list.Any(r => r.From == reference.From && r.FromField == reference.FromField && r.To == reference.To && r.ToField == reference.ToField))
        {
            list.Add(reference);
        }
    }

    private static FieldDef FieldOf(EntityDef entity, string property) =>
        entity.Fields.FirstOrDefault(f => f.Property.Name == property)
        ?? throw new InvalidOperationException($"{entity.TypeName}.{property} is a relation key but not a field.");

    /// <summary>
    /// As the row class declares it, nullable reference annotations included: a text the class declares non-null
    /// (a region code, a vocabulary value) is sorted and paged on as never null (see SortCompiler) and scopes rows.
    /// </summary>
    private static bool MayBeNull(System.Reflection.PropertyInfo property) => property.PropertyType.IsValueType
        ? Nullable.GetUnderlyingType(property.PropertyType) is not null
        : new System.Reflection.NullabilityInfoContext().Create(property).ReadState != System.Reflection.NullabilityState.NotNull;

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
