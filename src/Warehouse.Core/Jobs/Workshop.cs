namespace Warehouse.Jobs;

/// <summary>A row of the api workshops view (帮扶车间).</summary>
internal sealed class Workshop
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string OperatorUscc { get; set; } = "";
    public string Form { get; set; } = "";
    public string RunStatus { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public bool GovInvested { get; set; }
    public int WorkersTotal { get; set; }
    public int WorkersPoor { get; set; }
    public int WorkersMonitored { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
