namespace Warehouse.Generation;

/// <summary>What a generation run wrote.</summary>
public sealed class GenerationSummary
{
    internal GenerationSummary(GeneratorOptions options, IReadOnlyList<KeyValuePair<string, long>> tables, TimeSpan elapsed)
    {
        Options = options;
        Tables = tables;
        Elapsed = elapsed;
    }

    public GeneratorOptions Options { get; }

    /// <summary>Rows per table, in the order the tables were written (FK order).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Tables { get; }

    public TimeSpan Elapsed { get; }

    public long TotalRows => Tables.Sum(t => t.Value);

    /// <summary>Rows written to <paramref name="table"/> (0 when unknown).</summary>
    public long RowsOf(string table)
    {
        foreach (var t in Tables)
        {
            if (string.Equals(t.Key, table, StringComparison.Ordinal))
            {
                return t.Value;
            }
        }

        return 0;
    }

    public override string ToString() =>
        string.Join(", ", Tables.Select(t => t.Key + "=" + t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
