namespace Warehouse.Monitoring;

/// <summary>A row of the api cases view (监测对象识别流程).</summary>
internal sealed class MonitoringCase
{
    public string Id { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string Source { get; set; } = "";
    public DateOnly ReportedAt { get; set; }
    public string Status { get; set; } = "";
    public DateOnly? IdentifiedAt { get; set; }
    public int? DaysToIdentify { get; set; }
    public string? MainRisk { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
