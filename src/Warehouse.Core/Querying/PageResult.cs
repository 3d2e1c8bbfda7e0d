namespace Warehouse.Querying;

/// <summary>A page of rows with their cursors.</summary>
public sealed class PageResult
{
    public required IReadOnlyList<object> Rows { get; init; }
    public required IReadOnlyList<string> Cursors { get; init; }
    public bool HasNextPage { get; init; }
    public bool HasPreviousPage { get; init; }
    public int? TotalCount { get; init; }
}
