using System.Globalization;
using Microsoft.Data.Sqlite;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;

namespace Warehouse.Benchmarks;

/// <summary>A generated county in a SQLite file, reused across runs (keyed by size and seed).</summary>
public sealed class County
{
    private County(string path, double? generatedSeconds)
    {
        Path = path;
        GeneratedSeconds = generatedSeconds;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }

    public string Path { get; }
    public string ConnectionString { get; }
    /// <summary>Seconds spent generating it in this run, or null when it was reused.</summary>
    public double? GeneratedSeconds { get; }

    public static County OpenOrCreate(string directory, int households, int seed, TextWriter log)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"county-{households}-seed{seed}.db"));
        double? seconds = null;
        if (!File.Exists(path))
        {
            log.WriteLine($"Generating a county of {households:N0} households (seed {seed}) into {path} …");
            seconds = Generate(path, households, seed, log).Elapsed.TotalSeconds;
        }
        // Apply scripts added since the file was generated (e.g. new indexes), outside any measurement.
        MigrationRunner.Run(Options(path));
        SqliteConnection.ClearAllPools();
        return new County(path, seconds);
    }

    /// <summary>Migrates and generates into a fresh file (written under a temporary name, then renamed).</summary>
    public static GenerationSummary Generate(string path, int households, int seed, TextWriter? log)
    {
        var temp = path + ".tmp";
        Delete(temp);
        var options = Options(temp);
        MigrationRunner.Run(options);
        var last = -25.0;
        var summary = Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, CountyCode = options.CountyCode },
            new Progress<GenerationProgress>(p =>
            {
                if (log is not null && p.Percent - last >= 25)
                {
                    last = p.Percent;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Percent:0}% ({p.Table})"));
                }
            }));
        using (var connection = new SqliteConnection(options.ConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        Delete(path);
        File.Move(temp, path);
        Delete(temp + "-wal");
        Delete(temp + "-shm");
        return summary;
    }

    public static DatabaseOptions Options(string path) => new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
        SeedDemoOnStartup = false,
    };

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    public (string, long) TopVillage()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT village_code, COUNT(*) FROM household GROUP BY village_code ORDER BY 2 DESC, 1 LIMIT 1";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetInt64(1));
    }
}
