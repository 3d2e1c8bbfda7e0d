using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warehouse.Data;

namespace Warehouse.Import.Loading;

/// <summary>The few things an import's SQL differs in per engine: table names, connections, parameter values.</summary>
internal sealed class Dialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>A base table as SQL names it (schema wh on SQL Server and PostgreSQL).</summary>
    public string Table(string table) => Provider switch
    {
        DatabaseProvider.SqlServer => $"[{DbNames.BaseSchema}].[{table}]",
        DatabaseProvider.PostgreSql => $"{DbNames.BaseSchema}.{table}",
        _ => table,
    };

    public string AuditTable => DbNames.SecurityTableSql(Provider, "audit_record");

    /// <summary>
    /// An open connection to the configured database; on SQLite with the audit file attached, since an import
    /// commits its IMPORT audit record in the same transaction as its rows (see <see cref="SqliteAuditFile"/>).
    /// </summary>
    public DbConnection Open(DatabaseOptions database)
    {
        var connectionString = database.ConnectionString;
        DbConnection connection = Provider switch
        {
            DatabaseProvider.SqlServer => new SqlConnection(connectionString),
            DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
            _ => new SqliteConnection(connectionString),
        };
        try
        {
            connection.Open();
            if (connection is SqliteConnection sqlite)
            {
                SqliteAuditFile.Attach(sqlite, SqliteAuditFile.PathFor(database));
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A parsed value as the engine stores it: SQLite keeps dates as 'yyyy-MM-dd' text and flags as 0/1 (the
    /// generator's forms, so a re-import compares equal); PostgreSQL and SQL Server take date and boolean values.
    /// </summary>
    public object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly d when Provider == DatabaseProvider.Sqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d when Provider == DatabaseProvider.SqlServer => d.ToDateTime(TimeOnly.MinValue),
        bool b when Provider == DatabaseProvider.Sqlite => b ? 1L : 0L,
        _ => value,
    };
}
