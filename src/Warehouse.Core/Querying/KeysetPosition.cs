namespace Warehouse.Querying;

/// <summary>
/// Where a plain page read ended: the sort values of its last row. Unlike a connection cursor it never leaves the
/// server (an export keeps it between its own pages), so it is not encoded or signed, and only this assembly can
/// make one: a caller cannot position a read anywhere but after a row it was given.
/// </summary>
public sealed class KeysetPosition
{
    internal KeysetPosition(object?[] values) => Values = values;

    internal object?[] Values { get; }
}
