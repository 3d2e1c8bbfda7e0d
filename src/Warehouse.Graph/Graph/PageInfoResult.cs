namespace Warehouse.Graph;

/// <summary>Relay page info.</summary>
internal sealed record PageInfoResult(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
