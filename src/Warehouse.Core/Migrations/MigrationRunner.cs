using System.Reflection;
using DbUp;
using Microsoft.Data.Sqlite;
using Warehouse.Data;

namespace Warehouse.Migrations;

/// <summary>
/// Applies the numbered db/ scripts of the configured dialect with DbUp, which records each script it ran in
/// its journal table (SchemaVersions), so running it again applies only what is new. Then installs the
/// catalogue's default permissions for any matrix cell that has none.
/// </summary>
public static class MigrationRunner
{
    public static MigrationResult Run(DatabaseOptions options, Action<string>? log = null) => Run(options, log, _ => true);

    /// <summary>
    /// <paramref name="scriptFilter"/> (tests): only the scripts it keeps, e.g. up to a number, to build a database
    /// as an earlier version left it.
    /// </summary>
    internal static MigrationResult Run(DatabaseOptions options, Action<string>? log, Func<string, bool> scriptFilter)
    {
        log ??= _ => { };
        using var sqlite = options.Provider == DatabaseProvider.Sqlite ? OpenSqlite(options) : null;
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            EnsureDatabase.For.SqlDatabase(options.ConnectionString, new DbUpLog(log));
        }
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            EnsureDatabase.For.PostgresqlDatabase(options.ConnectionString, new DbUpLog(log));
        }
        var dialect = Dialect(options.Provider);
        var builder = options.Provider switch
        {
            DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(options.ConnectionString),
            DatabaseProvider.PostgreSql => DeployChanges.To.PostgresqlDatabase(options.ConnectionString),
            // One connection, the audit file attached before any script runs (0010 moves the audit table there).
            _ => DeployChanges.To.SqliteDatabase(new DbUp.Sqlite.Helpers.SharedConnection(sqlite!)),
        };
        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(),
                name => name.Contains($".db.{dialect}.", StringComparison.Ordinal) && scriptFilter(name))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(log))
            .Build();
        var scripts = upgrader.GetScriptsToExecute().Select(s => s.Name).ToList();
        if (sqlite is not null && scripts.Exists(s => s.EndsWith("." + AuditFileScript, StringComparison.Ordinal)))
        {
            // WAL commits each file on its own: a crash between the two could keep the drop and lose the copy. In
            // rollback-journal mode SQLite commits both files atomically (a super-journal); WAL comes back below.
            Pragma(sqlite, "PRAGMA journal_mode=DELETE;");
        }
        DbUp.Engine.DatabaseUpgradeResult result;
        try
        {
            result = upgrader.PerformUpgrade();
        }
        finally
        {
            if (sqlite is not null)
            {
                // Also after a failed script: the file goes back to WAL whatever happened.
                UseWal(sqlite);
            }
        }
        if (!result.Successful)
        {
            throw new MigrationException($"Migration failed in {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
        using var db = DbContextFactory.Create(options);
        var added = DefaultPermissions.Install(db);
        log($"Applied {scripts.Count} script(s); installed {added} default permission cell(s).");
        return new MigrationResult(scripts, added);
    }

    /// <summary>The db/ folder of a provider's scripts.</summary>
    public static string Dialect(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => "sqlserver",
        DatabaseProvider.PostgreSql => "postgresql",
        _ => "sqlite",
    };

    /// <summary>
    /// Write-ahead logging: readers never wait for the writer (audit records, admin changes) and commits are
    /// cheaper. It is a property of the file, set once; SQLite ignores it inside a transaction, which is where
    /// DbUp runs scripts, so it is set here.
    /// </summary>
    private static void UseWal(SqliteConnection connection) =>
        Pragma(connection, SqliteAuditFile.HoldsAuditTable(connection)
            ? $"PRAGMA journal_mode=WAL; PRAGMA {SqliteAuditFile.Schema}.journal_mode=WAL;"
            : "PRAGMA journal_mode=WAL;");

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The SQLite connection the scripts run on, with the audit file attached. The audit file is created only while
    /// the script that moves the audit table into it has not run (a new database, or one from before 0010); once it
    /// has, a missing audit file is an error here, not a fresh empty trail.
    /// </summary>
    private static SqliteConnection OpenSqlite(DatabaseOptions options)
    {
        EnsureSqliteFolder(options.ConnectionString);
        var path = SqliteAuditFile.PathFor(options);
        var connection = new SqliteConnection(options.ConnectionString);
        try
        {
            connection.Open();
            var moved = AuditMoved(connection);
            if (!SqliteAuditFile.Attach(connection, path, create: !moved))
            {
                throw new MigrationException($"The audit file {path} is missing; the audit trail of this database lives there. Restore it from the " +
                    "backup taken with the data file (docs/deployment.md), or set Warehouse:AuditFile to where it is.");
            }
            if (!moved && SqliteAuditFile.HoldsAuditTable(connection))
            {
                // Another database's trail (a data file deleted or restored without its audit file): never mixed.
                throw new MigrationException($"The audit file {path} already holds an audit trail, but the data file was never migrated to it. " +
                    "Move that audit file away (or restore the data file that goes with it), or set Warehouse:AuditFile.");
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True when the journal records the script that moved the audit table into the audit file.</summary>
    private static bool AuditMoved(SqliteConnection connection)
    {
        if (!SqliteSchema.HasTable(connection, "main", "SchemaVersions"))
        {
            return false;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM SchemaVersions WHERE ScriptName LIKE '%.db.sqlite.{AuditFileScript}'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The SQLite script that moves <c>sec_audit_record</c> into the audit file.</summary>
    internal const string AuditFileScript = "0010_audit_file.sql";

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(source) && source != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(source)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }
    }

    private sealed class DbUpLog(Action<string> log) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) => log(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogWarning(string format, params object[] args) => log(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(string format, params object[] args) => log(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(Exception ex, string format, params object[] args) => log(string.Format(System.Globalization.CultureInfo.InvariantCulture, format,
            args) + ": " + ex.Message);
    }
}
