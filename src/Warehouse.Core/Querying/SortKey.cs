using System.Linq.Expressions;

namespace Warehouse.Querying;

/// <summary>
/// One ORDER BY term: a path (for cursor signatures and errors), the value it sorts on, the direction, and whether
/// the value can be null (a nullable column, a related row's value, a minor's shadowed value), which decides where
/// <see cref="Ordering"/> must place nulls explicitly on engines that sort them last.
/// </summary>
internal sealed record SortKey(string Path, Expression Selector, bool Descending, bool CanBeNull = true)
{
    public Type ValueType => Selector.Type;

    public SortKey Reversed() => this with { Descending = !Descending };
}
