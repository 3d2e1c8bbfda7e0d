namespace Warehouse.Monitoring;

/// <summary>A row of the api visits view (走访记录).</summary>
internal sealed class HouseholdVisit
{
    public string Id { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public DateOnly VisitedAt { get; set; }
    public string Visitor { get; set; } = "";
    public string Purpose { get; set; } = "";
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
