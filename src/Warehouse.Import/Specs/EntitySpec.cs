namespace Warehouse.Import.Specs;

/// <summary>
/// How one entity is imported: its base table and key, the columns of its template in order, and the columns
/// derived from references (region codes, household of a member). Built from the catalogue by <see cref="ImportEntities"/>.
/// </summary>
public sealed class EntitySpec
{
    public EntitySpec(string name, string table, string label, IReadOnlyList<ColumnSpec> columns, IReadOnlyList<string> derived, bool hasRecordKey)
    {
        Name = name;
        Table = table;
        Label = label;
        Columns = columns;
        Derived = derived;
        HasRecordKey = hasRecordKey;
        Key = columns[0];
    }

    /// <summary>Import name: the catalogue's list field (households, members, jobs, ...).</summary>
    public string Name { get; }
    /// <summary>Base table (without schema).</summary>
    public string Table { get; }
    /// <summary>Chinese label (the catalogue's), used as sheet name.</summary>
    public string Label { get; }
    /// <summary>Template columns; the first is the key.</summary>
    public IReadOnlyList<ColumnSpec> Columns { get; }
    public ColumnSpec Key { get; }
    /// <summary>Columns filled from references (never read from the file).</summary>
    public IReadOnlyList<string> Derived { get; }
    /// <summary>The table carries a record key for cell-key perturbation (drawn at insert, never changed by an import).</summary>
    public bool HasRecordKey { get; }

    /// <summary>Every column written: template columns, then derived ones.</summary>
    public IEnumerable<string> WrittenColumns => Columns.Select(c => c.Column).Concat(Derived);

    public ColumnSpec? Column(string column) => Columns.FirstOrDefault(c => c.Column == column);

    public override string ToString() => Name;
}
