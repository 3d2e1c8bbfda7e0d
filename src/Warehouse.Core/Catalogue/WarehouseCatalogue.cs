using Warehouse.Assistance;
using Warehouse.Funds;
using Warehouse.Households;
using Warehouse.Jobs;
using Warehouse.Members;
using Warehouse.Monitoring;
using Warehouse.Projects;
using Warehouse.Regions;
using Warehouse.Standards;

namespace Warehouse.Catalogue;

/// <summary>
/// The one catalogue of what the warehouse exposes. Adding an entity means: a row class, a catalogue entry
/// (its <c>Build()</c> added below), the API view in both dialects, and tests.
/// </summary>
public sealed class WarehouseCatalogue
{
    private readonly Dictionary<string, EntityDef> _byType;

    public WarehouseCatalogue(IEnumerable<EntityDef> entities)
    {
        Entities = entities.ToList();
        _byType = Entities.ToDictionary(e => e.TypeName, StringComparer.Ordinal);
        foreach (var relation in Entities.SelectMany(e => e.Relations))
        {
            relation.Target = Require(relation.TargetType);
            Check(relation.Owner, relation.ParentKey, relation.QualifiedName);
            Check(relation.Target, relation.ChildKey, relation.QualifiedName);
            if (relation.Via is { } via)
            {
                via.Link = Require(via.LinkType);
                Check(via.Link, via.OwnerSide, relation.QualifiedName);
                Check(via.Link, via.TargetSide, relation.QualifiedName);
            }
        }
    }

    /// <summary>The warehouse as shipped.</summary>
    public static WarehouseCatalogue Default { get; } = new(
    [
        RegionCatalogue.Build(),
        HouseholdCatalogue.Build(),
        HouseholdIncomeCatalogue.Build(),
        MemberCatalogue.Build(),
        ProjectCatalogue.Build(),
        ProjectBeneficiaryCatalogue.Build(),
        FundAllocationCatalogue.Build(),
        DisbursementCatalogue.Build(),
        WorkshopCatalogue.Build(),
        WelfarePostCatalogue.Build(),
        JobCatalogue.Build(),
        AssistanceCatalogue.Build(),
        MonitoringCaseCatalogue.Build(),
        HouseholdVisitCatalogue.Build(),
        StandardCatalogue.Build(),
    ]);

    public IReadOnlyList<EntityDef> Entities { get; }

    public IEnumerable<EntityDef> Exposed => Entities.Where(e => e.Exposed);

    public EntityDef? Find(string typeName) => _byType.GetValueOrDefault(typeName);

    public EntityDef Require(string typeName) =>
        Find(typeName) ?? throw new InvalidOperationException($"Unknown entity type '{typeName}'.");

    public EntityDef? FindByListField(string listField) => Exposed.FirstOrDefault(e => e.ListField == listField);

    private static void Check(EntityDef entity, string property, string where)
    {
        if (entity.ClrType.GetProperty(property) is null)
        {
            throw new InvalidOperationException($"{where}: {entity.TypeName} has no property {property}.");
        }
    }
}
