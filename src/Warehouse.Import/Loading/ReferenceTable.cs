namespace Warehouse.Import.Loading;

/// <summary>
/// The keys of one referenced entity with the columns references copy from it: the rows already in the warehouse,
/// the rows validated in this load (which win: they are what the warehouse will hold), and the keys rejected in this load.
/// </summary>
internal sealed class ReferenceTable(string name, IReadOnlyList<string> columns)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Columns { get; } = columns;
    public Dictionary<string, string?[]> Stored { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?[]> Loaded { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Rejected { get; } = new(StringComparer.Ordinal);

    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"{Name}: column {column} was not loaded.");
    }

    /// <summary>The referenced row's copied columns, or null; <paramref name="rejected"/> tells a key rejected in this load from one never seen.</summary>
    public string?[]? Find(string key, out bool rejected)
    {
        rejected = false;
        if (Loaded.TryGetValue(key, out var row) || Stored.TryGetValue(key, out row))
        {
            return row;
        }
        rejected = Rejected.Contains(key);
        return null;
    }
}
