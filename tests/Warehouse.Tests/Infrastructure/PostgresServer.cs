using Npgsql;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run: <c>WAREHOUSE_POSTGRES</c> holds a connection string of a superuser on
/// it (./test.sh starts a throwaway cluster and sets it). Tests create and drop their own databases there. When it
/// is not set, the PostgreSQL cases are reported as skipped with <see cref="SkipReason"/>.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "WAREHOUSE_POSTGRES";

    public static bool Available => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    public const string SkipReason =
        Variable + " is not set: no PostgreSQL server to run against. Run ./test.sh, which installs Debian's " +
        "`postgresql` package when it is missing and starts a throwaway cluster, or set " + Variable +
        " to a superuser connection string.";

    /// <summary>A connection string for database <paramref name="database"/> on the test server.</summary>
    public static string ConnectionString(string database, string? searchPath = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException(SkipReason))
        {
            Database = database,
            // Dates compare with CURRENT_DATE in UTC, as SQLite's date('now') does.
            Timezone = "UTC",
            IncludeErrorDetail = true,
        };
        if (searchPath is not null)
        {
            builder.SearchPath = searchPath;
        }
        return builder.ToString();
    }

    /// <summary>Runs a statement on the server's maintenance database (CREATE/DROP DATABASE).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static void TryDrop(string database)
    {
        try
        {
            Execute($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The cluster may already be gone (the run is ending); ./test.sh deletes it whole.
        }
    }
}
