namespace WarehouseClientSample;

public sealed record GraphError(string Message, ErrorExtensions? Extensions);
