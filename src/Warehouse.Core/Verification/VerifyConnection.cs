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
            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    var sql = new SqlConnectionStringBuilder(database.ConnectionString);
                    return $"{sql.DataSource}/{sql.InitialCatalog}";
                case DatabaseProvider.PostgreSql:
                    var pg = new NpgsqlConnectionStringBuilder(database.ConnectionString);
                    return $"{pg.Host}:{pg.Port}/{pg.Database}";
                default:
                    return new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            }
        }
        catch (ArgumentException)
        {
            return "(connection string not readable)";
        }
    }
}
