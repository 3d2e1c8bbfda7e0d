using Warehouse.Import.Mapping;

namespace Warehouse.Import.Loading;

/// <summary>How an import runs.</summary>
public sealed record ImportOptions
{
    /// <summary>Load the valid rows and report the rest; by default any reject loads nothing.</summary>
    public bool AcceptValid { get; init; }
    /// <summary>Who imports (the audit record's user).</summary>
    public string User { get; init; } = "cli";
    public string? Role { get; init; }
    public MappingFile? Mapping { get; init; }
    /// <summary>The entity of sheets whose names name none (a single CSV called export.csv).</summary>
    public string? Entity { get; init; }
    /// <summary>Validate and report only; write nothing.</summary>
    public bool DryRun { get; init; }
    public IProgress<ImportProgress>? Progress { get; init; }
}
