namespace Warehouse.Generation;

/// <summary>A planned village (村委会 or 居委会) and the contiguous range of household indexes it holds.</summary>
internal sealed class VillageInfo
{
    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }

    /// <summary>Name without the 村/居委会 suffix, used in project and workshop names.</summary>
    public required string ShortName { get; init; }

    public required TownshipInfo Township { get; init; }
    public required bool IsCommunity { get; init; }
    public required string UrbanRuralType { get; init; }
    public required bool IsExited { get; init; }
    public required bool IsResettlementSite { get; init; }
    public required double Lat { get; init; }
    public required double Lng { get; init; }
    public int HouseholdStart { get; set; }
    public int HouseholdCount { get; set; }

    /// <summary>Indexes of projects sited in this village.</summary>
    public List<int> Projects { get; } = [];

    public string[] CadreNames { get; set; } = [];
    public string[] CadrePhones { get; set; } = [];
}
