namespace Warehouse.Regions;

/// <summary>A row of the api regions view.</summary>
public sealed class Region
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public string? ParentCode { get; set; }
    public string CountyCode { get; set; } = "";
    public string? TownshipCode { get; set; }
    public string? UrbanRuralType { get; set; }
    public bool IsExitedVillage { get; set; }
    public bool IsResettlementSite { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
