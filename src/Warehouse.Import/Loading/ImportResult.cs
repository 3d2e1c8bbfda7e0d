using Warehouse.Import.Reports;

namespace Warehouse.Import.Loading;

/// <summary>The outcome of an import: counts per entity, reject lines, whether anything was written, and the file hash the audit record names.</summary>
public sealed class ImportResult
{
    public Dictionary<string, EntityCounts> Entities { get; } = new(StringComparer.Ordinal);
    public List<Reject> Rejects { get; } = [];
    /// <summary>True when the transaction was committed (false: nothing was written).</summary>
    public bool Committed { get; set; }
    public string FileHash { get; set; } = "";
    public TimeSpan Elapsed { get; set; }
    public int Errors => Rejects.Count(r => !r.IsWarning);

    public EntityCounts For(string entity) => Entities.TryGetValue(entity, out var c) ? c : Entities[entity] = new EntityCounts();
}
