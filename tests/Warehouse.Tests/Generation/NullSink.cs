using Warehouse.Generation;

namespace Warehouse.Tests.Generation;

/// <summary>A sink that discards rows (for option checks and tiny runs).</summary>
internal sealed class NullSink : IBulkSink
{
    public void Begin(string table, IReadOnlyList<string> columns)
    {
    }

    public void Add(object?[] row)
    {
    }

    public void End()
    {
    }

    public void Complete()
    {
    }
}
