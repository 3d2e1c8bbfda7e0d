namespace Warehouse.Data;

/// <summary>
/// Where the warehouse lives (configuration section <c>Warehouse</c> plus <c>ConnectionStrings:Warehouse</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnection = "Data Source=data/warehouse.db";

    /// <summary><c>Sqlite</c> (embedded default), <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqliteConnection;
    /// <summary>Apply db/ scripts when the server starts (default on).</summary>
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>Generate the demo county when the database has no households (default on, SQLite only).</summary>
    public bool SeedDemoOnStartup { get; set; } = true;
    public int DemoHouseholds { get; set; } = 30_000;
    public int DemoSeed { get; set; } = 42;
    /// <summary>
    /// The date the demo county is generated as of (yyyy-MM-dd); empty: today by the server's clock, so a new demo
    /// database is dated to the day it is created.
    /// </summary>
    public DateOnly? DemoReferenceDate { get; set; }
    /// <summary>How long a write waits for SQLite's lock (another writer) before failing with DATABASE_BUSY.</summary>
    public int BusyTimeoutSeconds { get; set; } = 5;
    /// <summary>6-digit code of the demo county (no real county has 139901).</summary>
    public string CountyCode { get; set; } = "139901";
    /// <summary>
    /// SQLite only: the file of the audit trail (<c>Warehouse:AuditFile</c>); empty: <c>&lt;name&gt;.audit.db</c> next to
    /// the data file. Back it up with the data file (docs/deployment.md). Ignored by SQL Server and PostgreSQL.
    /// </summary>
    public string? AuditFile { get; set; }
    /// <summary>
    /// SQLite only: how much of the data file each connection reads through a memory map (<c>PRAGMA mmap_size</c>,
    /// <c>Warehouse:SqliteMmapMegabytes</c>, default 256; 0 turns it off). See <see cref="SqliteMemoryMap"/>.
    /// </summary>
    public int SqliteMmapMegabytes { get; set; } = SqliteMemoryMap.DefaultMegabytes;

    /// <summary>
    /// Makes a relative SQLite file path absolute against <paramref name="baseDirectory"/> (the API project's
    /// content root), so the server and the CLI open the same file whatever their working directory.
    /// </summary>
    public DatabaseOptions ResolvePaths(string baseDirectory)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return this;
        }
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory
            && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
            ConnectionString = builder.ToString();
        }
        if (!string.IsNullOrWhiteSpace(AuditFile) && AuditFile != ":memory:" && !Path.IsPathRooted(AuditFile))
        {
            AuditFile = Path.GetFullPath(Path.Combine(baseDirectory, AuditFile));
        }
        return this;
    }
}
