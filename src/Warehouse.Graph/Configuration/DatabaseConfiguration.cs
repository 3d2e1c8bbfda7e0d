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
}
