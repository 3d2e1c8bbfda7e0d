namespace Warehouse.Querying;

/// <summary>
/// A page of rows as plain stored values (no entity objects), row after row in one array that is reused from page to
/// page: row <c>r</c>'s column <c>c</c> is <c>Values[r * Width + c]</c>, columns in the order of
/// <see cref="PlainPageRequest.Properties"/>. Values are as the entity's properties hold them (money in fen, dates as
/// <see cref="DateOnly"/>): shaping for a reader (masks, the minors rule) is the caller's, through ValueShaper.
/// </summary>
public sealed class PlainPage(int width, int capacity)
{
    public int Width { get; } = width;
    public int Capacity { get; } = capacity;
    public object?[] Values { get; } = new object?[width * capacity];
    /// <summary>Rows read into <see cref="Values"/> by the last read.</summary>
    public int Count { get; internal set; }
    /// <summary>Where the next page starts; null when this page was the last (fewer rows than asked for).</summary>
    public KeysetPosition? Next { get; internal set; }

    public object? this[int row, int column] => Values[(row * Width) + column];
}
