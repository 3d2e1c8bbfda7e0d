namespace Warehouse.Funds;

/// <summary>A row of the api fund_allocations view (资金下达).</summary>
internal sealed class FundAllocation
{
    public string Id { get; set; } = "";
    public string ProjectCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string DocNo { get; set; } = "";
    public string SourceLevel { get; set; } = "";
    public string SourceType { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly AllocDate { get; set; }
    public int Year { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
