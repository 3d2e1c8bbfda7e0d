using System.Linq.Expressions;

namespace Warehouse.Querying;

/// <summary>One ORDER BY term: a path (for cursor signatures and errors), the value it sorts on, and the direction.</summary>
internal sealed record SortKey(string Path, Expression Selector, bool Descending)
{
    public Type ValueType => Selector.Type;

    public SortKey Reversed() => this with { Descending = !Descending };
}
