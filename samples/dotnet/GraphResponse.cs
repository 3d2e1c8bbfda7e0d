namespace WarehouseClientSample;

public sealed record GraphResponse<T>(T? Data, List<GraphError>? Errors);
