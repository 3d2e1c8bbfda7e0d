using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Warehouse.Data;

/// <summary>
/// On SQLite the audit trail (<c>sec_audit_record</c>) lives in a database file of its own, attached to every
/// connection on the primary as schema <c>audit</c>. Why: SQLite empties a connection's whole page cache of a file
/// when it starts a read and finds that file's WAL changed. With the audit trail in the data file, every audited
/// request's commit made every pooled reader start cold on the next request; with it in its own file, an audit
/// commit changes only the audit file's WAL and the readers' caches of the data stay warm (docs/performance.md).
/// SQLite resolves an unqualified table name in main, then temp, then the attached files, so the code's
/// <c>sec_audit_record</c> finds <c>audit.sec_audit_record</c> unchanged.
/// <para>
/// Fail closed: a missing audit file is never attached (ATTACH would create an empty one), so the audit table is
/// not found and every audit write fails (AUDIT_UNAVAILABLE, no data leaves); data that needs no audit record
/// still flows. Only the migration runner creates the file, while the script that moves the table is pending.
/// </para>
/// </summary>
public static class SqliteAuditFile
{
    /// <summary>The schema name the audit file is attached as.</summary>
    public const string Schema = "audit";

    /// <summary>The audit table, as in every dialect's scripts (sec_ prefix on SQLite).</summary>
    public const string Table = "sec_audit_record";

    // Microsoft.Data.Sqlite pools native handles and keeps what was attached to them: a handle seen here once
    // is not attached again ("database audit is already in use"). Keyed by the handle object, which lives as
    // long as the native connection, so a closed handle's entry goes with it.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Attached = new();
    private static readonly object Seen = new();

    /// <summary>
    /// The audit file of a SQLite connection string: <paramref name="explicitPath"/> when set, else
    /// <c>&lt;dir&gt;/&lt;name&gt;.audit.db</c> next to the data file (data/warehouse.db → data/warehouse.audit.db);
    /// <c>:memory:</c> for an in-memory database (its audit trail is as short-lived as its data).
    /// </summary>
    public static string PathFor(string connectionString, string? explicitPath = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return ":memory:";
        }
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }
        var directory = Path.GetDirectoryName(source) ?? "";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(source) + ".audit.db");
    }

    /// <summary>The audit file of the configured primary database.</summary>
    public static string PathFor(DatabaseOptions options) => PathFor(options.ConnectionString, options.AuditFile);

    /// <summary>
    /// Attaches the audit file to an open connection as <see cref="Schema"/>, once per native handle. Returns false,
    /// attaching nothing, when the file does not exist (unless <paramref name="create"/>: the migration runner).
    /// </summary>
    public static bool Attach(SqliteConnection connection, string path, bool create = false)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Attached.TryGetValue(handle, out _))
        {
            return true;
        }
        if (!IsAttached(connection))
        {
            if (path != ":memory:" && !create && !File.Exists(path))
            {
                // Not remembered: once the file is restored, the next open of this handle attaches it.
                return false;
            }
            using var attach = connection.CreateCommand();
            attach.CommandText = $"ATTACH DATABASE $path AS {Schema};";
            attach.Parameters.AddWithValue("$path", path);
            attach.ExecuteNonQuery();
        }
        Attached.AddOrUpdate(handle, Seen);
        return true;
    }

    /// <summary>True when the audit file is attached to the connection and holds the audit table.</summary>
    public static bool HoldsAuditTable(SqliteConnection connection)
    {
        return IsAttached(connection) && SqliteSchema.HasTable(connection, Schema, Table);
    }

    /// <summary>
    /// The server's start-up check: throws, naming the file, when the audit table can be found neither in the audit
    /// file nor (before script 0010) in the data file, so a deployment restored without its audit file does not
    /// start and answer every personal read with AUDIT_UNAVAILABLE.
    /// </summary>
    public static void EnsureAvailable(DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var path = PathFor(options);
        using var connection = new SqliteConnection(options.ConnectionString);
        connection.Open();
        if (Attach(connection, path) && HoldsAuditTable(connection))
        {
            return;
        }
        if (SqliteSchema.HasTable(connection, "main", Table))
        {
            return;
        }
        throw new InvalidOperationException(File.Exists(path)
            ? $"The audit file {path} holds no audit trail ({Table}); audit records cannot be written. Restore the audit file taken with the data file."
            : $"The audit file {path} is missing; audit records cannot be written. Restore it from the backup taken with the data file, " +
              "or set Warehouse:AuditFile to where it is (docs/deployment.md).");
    }

    private static bool IsAttached(SqliteConnection connection)
    {
        using var list = connection.CreateCommand();
        list.CommandText = $"SELECT COUNT(*) FROM pragma_database_list WHERE name = '{Schema}';";
        return Convert.ToInt64(list.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
