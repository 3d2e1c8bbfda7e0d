namespace WarehouseClientSample;

public sealed record BelowData(Connection<Household>? Households);
