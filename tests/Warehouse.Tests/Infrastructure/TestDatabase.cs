using Microsoft.Data.Sqlite;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;

namespace Warehouse.Tests.Infrastructure;

/// <summary>
/// A real SQLite warehouse file: migrated by the migration runner and filled by the generator (small county,
/// fixed seed). Generated once per test run; tests that change data get their own copy.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const int Households = 3_000;
    public const int Seed = 7;

    /// <summary>The date the test county is generated as of: fixed, so tests that pin dates hold on any day.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 12, 31);
    private static readonly Lazy<string> Template = new(() => CreateTemplate(Households, Seed));

    /// <summary>A second county (another seed, smaller), for tests that must hold on more than one generated county.</summary>
    public const int SecondHouseholds = 1_500;
    public const int SecondSeed = 11;
    private static readonly Lazy<string> SecondTemplate = new(() => CreateTemplate(SecondHouseholds, SecondSeed));

    private TestDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public string Path { get; }
    public string ConnectionString { get; }

    /// <summary>A private copy of the generated warehouse.</summary>
    public static TestDatabase Copy() => CopyOf(Template.Value);

    /// <summary>A private copy of the second generated warehouse (seed <see cref="SecondSeed"/>).</summary>
    public static TestDatabase CopySecond() => CopyOf(SecondTemplate.Value);

    private static TestDatabase CopyOf(string template)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"warehouse-test-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return new TestDatabase(path);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static string CreateTemplate(int households, int seed)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"warehouse-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var options = new DatabaseOptions { ConnectionString = $"Data Source={path};Pooling=False" };
        MigrationRunner.Run(options);
        Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, ReferenceDate = ReferenceDate });
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // Fold the WAL into the main file so a plain file copy is complete.
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
            cmd.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(path);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TryDelete(Path);
        TryDelete(Path + "-wal");
        TryDelete(Path + "-shm");
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
