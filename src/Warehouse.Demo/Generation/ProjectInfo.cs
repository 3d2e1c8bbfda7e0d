namespace Warehouse.Generation;

/// <summary>A planned 衔接资金 project (small: one per ~120 households).</summary>
internal sealed class ProjectInfo
{
    public required int Index { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string Subtype { get; init; }
    public required string SiteCode { get; init; }
    public required string SiteName { get; init; }
    public required TownshipInfo Township { get; init; }
    public VillageInfo? Village { get; init; }
    public required int Year { get; init; }
    public required string Nature { get; init; }
    public required string Status { get; init; }
    public required long Invest { get; init; }
    public required string Implementer { get; init; }
    public DateOnly? PlanStart { get; init; }
    public DateOnly? PlanEnd { get; init; }
    public DateOnly? AcceptedAt { get; init; }
    public string? LinkModes { get; init; }
    public required bool Yigong { get; init; }
    /// <summary>以工代赈劳务报酬, set from the project's 以工代赈 allocations once they are known (0 without them).</summary>
    public long LaborPay { get; set; }
    public string? AssetClass { get; init; }
    public string? AssetOwner { get; init; }
    public required int Progress { get; init; }
    public int BenefHouseholds { get; set; }
    public int BenefPersons { get; set; }

    /// <summary>First household index and count of the site's household range.</summary>
    public int RangeStart => Village?.HouseholdStart ?? Township.HouseholdStart;

    public int RangeCount => Village?.HouseholdCount ?? (Township.HouseholdEnd - Township.HouseholdStart);
}
