using Warehouse.Data;

namespace Warehouse.Configuration;

/// <summary>
/// Where the database options come from, in one place for the server and the CLI, so that both open the same
/// database from the same settings.
/// </summary>
public static class DatabaseConfiguration
{
    /// <summary><c>Warehouse</c> section plus <c>ConnectionStrings:Warehouse</c> (environment: ConnectionStrings__Warehouse).</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection("Warehouse").Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString = configuration.GetConnectionString("Warehouse") ?? options.ConnectionString;
        return options;
    }

    /// <summary>The prefix of the read replicas' connection strings: <c>WarehouseRead</c>, <c>WarehouseRead2</c>, ….</summary>
    public const string ReadConnectionPrefix = "WarehouseRead";

    /// <summary>
    /// The read replicas: every non-empty <c>ConnectionStrings:WarehouseRead…</c> entry (environment:
    /// ConnectionStrings__WarehouseRead, ConnectionStrings__WarehouseRead2, …), by name, each with the primary's
    /// provider and settings; and how reads use them (<c>Warehouse:ReadReplicas</c>). None configured: every read
    /// goes to the primary.
    /// </summary>
    public static (IReadOnlyList<(string Name, DatabaseOptions Options)> Replicas, ReadReplicaOptions Use) ReadReplicas(IConfiguration configuration,
        DatabaseOptions primary)
    {
        var replicas = configuration.GetSection("ConnectionStrings").GetChildren()
            .Where(c => c.Key.StartsWith(ReadConnectionPrefix, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(c.Value))
            .OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .Select(c => (c.Key, new DatabaseOptions
            {
                Provider = primary.Provider, ConnectionString = c.Value!, BusyTimeoutSeconds = primary.BusyTimeoutSeconds,
                MigrateOnStartup = false, SeedDemoOnStartup = false, CountyCode = primary.CountyCode,
            }))
            .ToList();
        var use = configuration.GetSection("Warehouse:ReadReplicas").Get<ReadReplicaOptions>() ?? new ReadReplicaOptions();
        return (replicas, use);
    }
}
