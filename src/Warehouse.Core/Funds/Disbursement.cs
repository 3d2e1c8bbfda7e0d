namespace Warehouse.Funds;

/// <summary>A row of the api fund_disbursements view (拨付/支出).</summary>
internal sealed class Disbursement
{
    public string Id { get; set; } = "";
    public string AllocId { get; set; } = "";
    public string ProjectCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string Stage { get; set; } = "";
    public long AmountFen { get; set; }
    public DateOnly PaidAt { get; set; }
    public string PayeeType { get; set; } = "";
    public string PayeeName { get; set; } = "";
    public string? PayeeAccount { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
