namespace Warehouse.Households;

/// <summary>A row of the api household_incomes view: one year of a household's income components.</summary>
internal sealed class HouseholdIncome
{
    public string Id { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public int IncomeYear { get; set; }
    public int HouseholdSize { get; set; }
    public long WageIncomeFen { get; set; }
    public long BusinessIncomeFen { get; set; }
    public long BusinessCostFen { get; set; }
    public long PropertyIncomeFen { get; set; }
    public long TransferIncomeFen { get; set; }
    public long NetIncomeFen { get; set; }
    public long PerCapitaNetIncomeFen { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
