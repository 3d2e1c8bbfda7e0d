namespace Warehouse.Generation;

/// <summary>The structural facts of one household, rebuilt identically from its core stream in every pass.</summary>
internal sealed class HouseholdModel
{
    public required int Index { get; init; }
    public required VillageInfo Village { get; init; }
    public int Size { get; set; }
    public bool Poor { get; set; }
    public int? ExitYear { get; set; }
    public string? MonitorType { get; set; }

    /// <summary>
    /// Indexes into <see cref="Vocab.RiskTypes"/>, the household's main risk first (the order they were drawn in, so a
    /// frequent risk such as 因病 is usually but not always the main one).
    /// </summary>
    public List<int> Risks { get; } = new(3);

    public DateOnly? MonitoredAt { get; set; }
    public DateOnly? RiskClearedAt { get; set; }
    public long Wage { get; set; }
    public long Business { get; set; }
    public long BusinessCost { get; set; }
    public long Property { get; set; }
    public long Transfer { get; set; }
    public long PrevPerCapita { get; set; }
    public long RigidExpense { get; set; }
    public bool Relocated { get; set; }
    public string? ResettleMode { get; set; }
    public string HousingSafety { get; set; } = "A";
    public bool WaterSafe { get; set; } = true;
    public string SafetyNet { get; set; } = "无";
    public MemberModel[] Members { get; set; } = [];

    public bool Monitored => MonitorType is not null;

    /// <summary>脱贫户 or monitored: the households counted as "poor" for workshops and posts.</summary>
    public bool Targeted => Poor || MonitorType is not null;

    public bool HasRisk(int risk) => Risks.Contains(risk);

    public string Id => Fmt.HouseholdId(Index);

    /// <summary>The risk types as registered: comma-separated, the main risk first.</summary>
    public string? RiskTypesText() => Risks.Count == 0 ? null : string.Join(',', Risks.Select(r => Vocab.RiskTypes[r]));
}
