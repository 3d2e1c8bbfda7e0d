namespace Warehouse.Tests.Database.TSqlBinding;

/// <summary>A table or view the db/sqlserver scripts create: its two-part name and its columns, in order.</summary>
internal sealed class TSqlObject(string schema, string name, bool isView, IEnumerable<string> columns)
{
    private readonly List<string> _columns = [.. columns];

    public string Schema { get; } = schema;
    public string Name { get; } = name;
    public bool IsView { get; } = isView;
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>schema.name in lower case, the catalogue's key (SQL Server's identifiers are case-insensitive here).</summary>
    public string Key => TSqlObjectCatalogue.KeyOf(Schema, Name);

    internal void Add(string column) => _columns.Add(column);

    internal void Drop(string column) => _columns.RemoveAll(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Schema}.{Name}";
}
