namespace WarehouseClientSample;

public sealed record Connection<T>(List<T> Nodes, PageInfo PageInfo);
