namespace Warehouse.Assistance;

/// <summary>A row of the api assistance view (帮扶措施/待遇发放).</summary>
internal sealed class AssistanceMeasure
{
    public string Id { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string? MemberId { get; set; }
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string Category { get; set; } = "";
    public string Item { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long AmountFen { get; set; }
    public string Period { get; set; } = "";
    public string Channel { get; set; } = "";
    public string? RefId { get; set; }
    public string? CadreName { get; set; }
    public string? CadrePhone { get; set; }
    /// <summary>Birth date of the member the record is about (view column subject_birth_date); read for the minors rule only.</summary>
    public DateOnly? SubjectBirthDate { get; set; }

    /// <summary>Fixed random key for cell-key perturbation (view column record_key); never exposed.</summary>
    public long RecordKey { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
