using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// One page of a list read as plain values (<see cref="QueryEngine.ReadPlainPageAsync"/>): the same where and order as
/// a connection, the CLR properties to read in column order, and where to continue.
/// </summary>
public sealed class PlainPageRequest
{
    public required EntityDef Entity { get; init; }
    public IDictionary<string, object?>? Where { get; init; }
    public IReadOnlyList<object?>? Order { get; init; }
    /// <summary>CLR property names, one column each, in this order (the page's column ordinals).</summary>
    public required IReadOnlyList<string> Properties { get; init; }
    /// <summary>Rows to read at most.</summary>
    public required int Size { get; init; }
    /// <summary>The previous page's <see cref="PlainPage.Next"/>; null for the first page.</summary>
    public KeysetPosition? After { get; init; }
}
