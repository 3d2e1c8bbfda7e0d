namespace Warehouse.Households;

/// <summary>A row of the api households view (建档立卡 / 监测对象 household).</summary>
public sealed class Household
{
    public string Id { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string? Address { get; set; }
    public string? GeoPoint { get; set; }
    public string HouseholdAttr { get; set; } = "";
    public int? ExitYear { get; set; }
    public string? MonitorType { get; set; }
    public string? RiskTypes { get; set; }
    public DateOnly? MonitoredAt { get; set; }
    public DateOnly? RiskClearedAt { get; set; }
    public int HouseholdSize { get; set; }
    public long WageIncomeFen { get; set; }
    public long BusinessIncomeFen { get; set; }
    public long BusinessCostFen { get; set; }
    public long PropertyIncomeFen { get; set; }
    public long TransferIncomeFen { get; set; }
    public long NetIncomeFen { get; set; }
    public long PerCapitaNetIncomeFen { get; set; }
    public long? PrevPerCapitaNetIncomeFen { get; set; }
    public long RigidExpenseFen { get; set; }
    public bool Relocated { get; set; }
    public string? ResettleMode { get; set; }
    public string? HousingSafety { get; set; }
    public bool WaterSafe { get; set; }
    public string SafetyNet { get; set; } = "";
    public string? Phone { get; set; }
    public string? BankName { get; set; }
    public string? BankAccount { get; set; }
    /// <summary>Per-capita net income minus the previous year's (view column income_change_fen); null without a previous year.</summary>
    public long? IncomeChangeFen { get; set; }
    public int? IncomeChangePct { get; set; }
    public int? TransferSharePct { get; set; }
    public int LabourMembers { get; set; }
    public int WorkingMembers { get; set; }
    public long? PrevBusinessNetFen { get; set; }
    public int? BusinessNetChangePct { get; set; }
    public bool BusinessFell20 { get; set; }
    /// <summary>Fixed random key for cell-key perturbation (view column record_key); never exposed.</summary>
    public long RecordKey { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
