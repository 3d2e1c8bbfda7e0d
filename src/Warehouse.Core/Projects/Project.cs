namespace Warehouse.Projects;

/// <summary>A row of the api projects view (衔接资金项目库).</summary>
internal sealed class Project
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Subtype { get; set; }
    public string SiteCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public int Year { get; set; }
    public string Nature { get; set; } = "";
    public string LibStatus { get; set; } = "";
    public long TotalInvestFen { get; set; }
    public string Implementer { get; set; } = "";
    public DateOnly? PlanStart { get; set; }
    public DateOnly? PlanEnd { get; set; }
    public DateOnly? AcceptedAt { get; set; }
    public int BenefHouseholds { get; set; }
    public int BenefPersons { get; set; }
    public string? LinkModes { get; set; }
    public long LaborPayFen { get; set; }
    public string? AssetClass { get; set; }
    public string? AssetOwner { get; set; }
    public int ProgressPct { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
