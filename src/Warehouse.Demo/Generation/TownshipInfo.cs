namespace Warehouse.Generation;

/// <summary>A planned township.</summary>
internal sealed class TownshipInfo
{
    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public int FirstVillage { get; set; }
    public int VillageCount { get; set; }
    public int HouseholdStart { get; set; }
    public int HouseholdEnd { get; set; }

    /// <summary>Indexes of the workshops located in this township.</summary>
    public List<int> Workshops { get; } = [];
}
