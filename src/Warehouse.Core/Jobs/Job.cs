namespace Warehouse.Jobs;

/// <summary>A row of the api jobs view (就业记录).</summary>
internal sealed class Job
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string EmpForm { get; set; } = "";
    public string WorkRegion { get; set; } = "";
    public string? Employer { get; set; }
    public DateOnly StartMonth { get; set; }
    public DateOnly? EndMonth { get; set; }
    public long MonthlyWageFen { get; set; }
    public string? WorkshopId { get; set; }
    public string? PostId { get; set; }
    /// <summary>Birth date of the member the record is about (view column subject_birth_date); read for the minors rule only.</summary>
    public DateOnly? SubjectBirthDate { get; set; }

    /// <summary>Fixed random key for cell-key perturbation (view column record_key); never exposed.</summary>
    public long RecordKey { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
