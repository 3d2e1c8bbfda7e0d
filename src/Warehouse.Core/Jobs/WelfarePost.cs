namespace Warehouse.Jobs;

/// <summary>A row of the api welfare_posts view (公益性岗位).</summary>
internal sealed class WelfarePost
{
    public string Id { get; set; } = "";
    public string PostType { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
    public string FundSource { get; set; } = "";
    public string? HolderMemberId { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public long MonthlySubsidyFen { get; set; }
    public bool FullTime { get; set; }
    public long SubsidyDueFen { get; set; }
    public long SubsidyPaidFen { get; set; }
    /// <summary>Birth date of the member the record is about (view column subject_birth_date); read for the minors rule only.</summary>
    public DateOnly? SubjectBirthDate { get; set; }

    /// <summary>Fixed random key for cell-key perturbation (view column record_key); never exposed.</summary>
    public long RecordKey { get; set; }
    /// <summary>When the row was last written, UTC (view column updated_at; see EntityBuilder.UpdatedAt).</summary>
    public DateTime UpdatedAt { get; set; }
}
