namespace Warehouse.Members;

/// <summary>A row of the api members view (家庭成员).</summary>
internal sealed class Member
{
    public string Id { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string Relation { get; set; } = "";
    public string Gender { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string Ethnicity { get; set; } = "";
    public string? Education { get; set; }
    public string? SchoolStatus { get; set; }
    public string HealthStatus { get; set; } = "";
    public string? DiseaseName { get; set; }
    public string? DisabilityTypeGrade { get; set; }
    public string? DisabilityCertNo { get; set; }
    public string LaborCapacity { get; set; } = "";
    public string WorkStatus { get; set; } = "";
    public int WorkMonths { get; set; }
    public bool MedIns { get; set; }
    public bool PensionIns { get; set; }
    public string? TrainingNeed { get; set; }
    /// <summary>Fixed random key for cell-key perturbation (view column record_key); never exposed.</summary>
    public long RecordKey { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
