using Warehouse.Generation;

namespace Warehouse.Tests.Generation;

/// <summary>
/// Passes only the named tables on to another sink and drops the rest, so a test can generate a larger county and
/// keep only the tables it reads (the generator still builds every household in every pass).
/// </summary>
internal sealed class TableFilterSink(IBulkSink inner, params string[] tables) : IBulkSink
{
    private readonly HashSet<string> _tables = new(tables, StringComparer.Ordinal);
    private bool _passing;

    public void Begin(string table, IReadOnlyList<string> columns)
    {
        _passing = _tables.Contains(table);
        if (_passing)
        {
            inner.Begin(table, columns);
        }
    }

    public void Add(object?[] row)
    {
        if (_passing)
        {
            inner.Add(row);
        }
    }

    public void End()
    {
        if (_passing)
        {
            inner.End();
        }

        _passing = false;
    }

    public void Complete() => inner.Complete();
}
