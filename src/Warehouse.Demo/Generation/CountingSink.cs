using Warehouse.Generation.Rows;

namespace Warehouse.Generation;

/// <summary>Wraps a sink, counts rows per table and checks the Begin/Add/End protocol.</summary>
internal sealed class CountingSink : IBulkSink
{
    private readonly IBulkSink _inner;
    private readonly List<KeyValuePair<string, long>> _counts = [];
    private string? _table;
    private int _width;

    public CountingSink(IBulkSink inner) => _inner = inner;

    public long Current { get; private set; }

    public string? Table => _table;

    public IReadOnlyList<KeyValuePair<string, long>> Counts => _counts;

    public void Begin(string table, IReadOnlyList<string> columns)
    {
        if (_table is not null)
        {
            throw new InvalidOperationException("Table " + _table + " was not ended.");
        }

        _table = table;
        _width = columns.Count;
        Current = 0;
        _inner.Begin(table, columns);
    }

    /// <summary>Begins the table of a row type (its name and columns come with the row).</summary>
    public void Begin<TRow>()
        where TRow : ITableRow => Begin(TRow.Table, TRow.Columns);

    /// <summary>Adds a named row as the positional values the sinks take.</summary>
    public void Add(ITableRow row) => Add(row.Values());

    public void Add(object?[] row)
    {
        if (row.Length != _width)
        {
            throw new InvalidOperationException("Row width " + row.Length.ToString(Fmt.Inv) + " does not match table " + _table + ".");
        }

        _inner.Add(row);
        Current++;
    }

    public void End()
    {
        _inner.End();
        _counts.Add(new KeyValuePair<string, long>(_table!, Current));
        _table = null;
    }

    public void Complete() => _inner.Complete();
}
