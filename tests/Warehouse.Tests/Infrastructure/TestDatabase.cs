using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// A real warehouse database, migrated by the migration runner and filled by the generator (small county, fixed
/// seed), generated once per test run and per provider; every app gets its own copy. On SQLite the copy is a file
/// copy; on PostgreSQL (the throwaway cluster of ./test.sh, see <see cref="PostgresServer"/>) it is
/// <c>CREATE DATABASE … TEMPLATE</c> of the generated one, dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const int Households = 3_000;
    public const int Seed = 7;

    /// <summary>The date the test county is generated as of: fixed, so tests that pin dates hold on any day.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 12, 31);
    private static readonly Lazy<string> SqliteTemplate = new(() => CreateSqliteTemplate(Households, Seed));
    private static readonly Lazy<string> PostgresTemplate = new(() => CreatePostgresTemplate(Households, Seed));

    /// <summary>A second county (another seed, smaller), for tests that must hold on more than one generated county.</summary>
    public const int SecondHouseholds = 1_500;
    public const int SecondSeed = 11;
    private static readonly Lazy<string> SecondTemplate = new(() => CreateSqliteTemplate(SecondHouseholds, SecondSeed));
    private static readonly Lazy<string> SecondPostgresTemplate = new(() => CreatePostgresTemplate(SecondHouseholds, SecondSeed));
    private static readonly object PostgresCopyLock = new();

    private TestDatabase(DatabaseProvider provider, string path, string connectionString, string? sqlConnectionString = null)
    {
        Provider = provider;
        Path = path;
        ConnectionString = connectionString;
        SqlConnectionString = sqlConnectionString ?? connectionString;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL database name.</summary>
    public string Path { get; }

    /// <summary>What the server under test connects with.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// What tests' plain SQL connects with: on PostgreSQL the search path starts with the base-table schema
    /// <c>wh</c>, so <c>household</c> names the same table in both dialects.
    /// </summary>
    public string SqlConnectionString { get; }

    /// <summary>A private copy of the generated warehouse on SQLite.</summary>
    public static TestDatabase Copy() => Copy(DatabaseProvider.Sqlite);

    /// <summary>A private copy of the generated warehouse on the given provider.</summary>
    public static TestDatabase Copy(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? CopyOfPostgres(PostgresTemplate) : CopyOf(SqliteTemplate.Value);

    /// <summary>A private copy of the second generated warehouse (seed <see cref="SecondSeed"/>) on the given provider.</summary>
    public static TestDatabase CopySecond(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        provider == DatabaseProvider.PostgreSql ? CopyOfPostgres(SecondPostgresTemplate) : CopyOf(SecondTemplate.Value);

    private static TestDatabase CopyOfPostgres(Lazy<string> template)
    {
        var name = $"warehouse_test_{Guid.NewGuid():N}";
        lock (PostgresCopyLock)
        {
            // CREATE DATABASE … TEMPLATE needs the template to have no other session; only this lock's holder
            // touches it once it is built, so copies are made one at a time (each takes well under a second).
            PostgresServer.Execute($"CREATE DATABASE {name} TEMPLATE {template.Value}");
        }
        return new TestDatabase(DatabaseProvider.PostgreSql, name, PostgresServer.ConnectionString(name),
            PostgresServer.ConnectionString(name, searchPath: "wh, api, sec, public"));
    }

    private static TestDatabase CopyOf(string template)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"warehouse-test-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        // The audit trail is a file of its own on SQLite: a copy of the warehouse is both files.
        File.Copy(SqliteAuditFile.PathFor($"Data Source={template}"), SqliteAuditFile.PathFor($"Data Source={path}"));
        return new TestDatabase(DatabaseProvider.Sqlite, path, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
    }

    /// <summary>SQLite: the audit file beside the data file (see <see cref="SqliteAuditFile"/>).</summary>
    public string AuditPath => SqliteAuditFile.PathFor(ConnectionString);

    /// <summary>An open SQLite connection (tests that run on SQLite only), with the audit file attached as the server attaches it.</summary>
    public SqliteConnection Open()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("Open() is for SQLite-only tests; use Connect() for a provider-neutral connection.");
        }
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        SqliteAuditFile.Attach(connection, AuditPath);
        return connection;
    }

    /// <summary>An open connection of this database's provider, for the tests' plain SQL (see <see cref="Sql"/>).</summary>
    public DbConnection Connect()
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            return Open();
        }
        var connection = new NpgsqlConnection(SqlConnectionString);
        connection.Open();
        return connection;
    }

    private static string CreateSqliteTemplate(int households, int seed)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"warehouse-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions { ConnectionString = $"Data Source={path};Pooling=False" };
        MigrationRunner.Run(options);
        Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, ReferenceDate = ReferenceDate });
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            SqliteAuditFile.Attach(c, SqliteAuditFile.PathFor(options));
            // Fold the WALs into the data and audit files so a plain file copy is complete.
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; " +
                "PRAGMA audit.wal_checkpoint(TRUNCATE); PRAGMA audit.journal_mode=DELETE;";
            cmd.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            TryDelete(path);
            TryDelete(SqliteAuditFile.PathFor(options));
        };
        return path;
    }

    /// <summary>The same county as on SQLite (same generator, seed and size), migrated and loaded once per run.</summary>
    private static string CreatePostgresTemplate(int households, int seed)
    {
        var name = $"warehouse_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..48];
        var options = new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = PostgresServer.ConnectionString(name) };
        MigrationRunner.Run(options);
        Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, ReferenceDate = ReferenceDate });
        // Pooled idle sessions on the template would make CREATE DATABASE … TEMPLATE fail ("being accessed by other users").
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresServer.TryDrop(name);
        return name;
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            PostgresServer.TryDrop(Path);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, AuditPath })
        {
            TryDelete(file);
            TryDelete(file + "-wal");
            TryDelete(file + "-shm");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
