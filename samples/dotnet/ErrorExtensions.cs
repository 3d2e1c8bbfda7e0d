namespace WarehouseClientSample;

public sealed record ErrorExtensions(string? Code);
