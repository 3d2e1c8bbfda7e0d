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
    public static MigrationResult Run(DatabaseOptions options, Action<string>? log = null)
    {
        log ??= _ => { };
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
        }
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
            _ => DeployChanges.To.SqliteDatabase(options.ConnectionString),
        };
        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains($".db.{dialect}.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(log))
            .Build();
        var scripts = upgrader.GetScriptsToExecute().Select(s => s.Name).ToList();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationException($"Migration failed in {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            UseWal(options.ConnectionString);
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
    private static void UseWal(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

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
