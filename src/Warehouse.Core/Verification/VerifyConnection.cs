using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warehouse.Data;

namespace Warehouse.Verification;

/// <summary>Opens the database verify reads, and names it for the report without its secrets.</summary>
public static class VerifyConnection
{
    /// <summary>
    /// An open connection. SQLite is opened read-only, so verifying a path that does not exist fails instead of
    /// creating an empty database there.
    /// </summary>
    public static DbConnection Open(DatabaseOptions database)
    {
        DbConnection connection = database.Provider switch
        {
            DatabaseProvider.SqlServer => new SqlConnection(database.ConnectionString),
            DatabaseProvider.PostgreSql => new NpgsqlConnection(database.ConnectionString),
            _ => new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()),
        };
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The file, or server and database: what the report prints (never a user or password).</summary>
    public static string Describe(DatabaseOptions database)
    {
        try
        {
            return database.Provider switch
            {
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(database.ConnectionString) is var s ? $"{s.DataSource}/{s.InitialCatalog}" : "",
                DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(database.ConnectionString) is var p ? $"{p.Host}:{p.Port}/{p.Database}" : "",
                _ => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource,
            };
        }
        catch (ArgumentException)
        {
            return "(connection string not readable)";
        }
    }
}
