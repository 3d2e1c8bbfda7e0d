namespace WarehouseClientSample;

public sealed record Household(string Id, string VillageCode, decimal? PerCapitaNetIncome, DateOnly? MonitoredAt);
