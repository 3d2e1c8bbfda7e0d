namespace WarehouseClientSample;

public sealed record PageInfo(bool HasNextPage, string? EndCursor);
