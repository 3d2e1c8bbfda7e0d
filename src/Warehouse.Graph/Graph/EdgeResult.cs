namespace Warehouse.Graph;

/// <summary>An edge: a row and its cursor.</summary>
internal sealed record EdgeResult(string Cursor, object Node);
