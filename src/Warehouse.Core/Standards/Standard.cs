namespace Warehouse.Standards;

/// <summary>A row of the api standards view (低保 / 特困 standards, award caps, income lines).</summary>
internal sealed class Standard
{
    public string Id { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Unit { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
