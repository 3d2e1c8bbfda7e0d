using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Warehouse.Data;
using Warehouse.Generation;
using Warehouse.Migrations;

namespace Warehouse.Benchmarks;

/// <summary>
/// A generated county, reused across runs (keyed by size and seed): a SQLite file, or a database of its own on a
/// PostgreSQL server (<c>warehouse_bench_N_seedS</c>, generated under a temporary name and renamed when complete,
/// so a run that was interrupted never leaves a half-filled county that a later run would reuse).
/// </summary>
public sealed class County
{
    private County(DatabaseProvider provider, string path, string connectionString, double? generatedSeconds)
    {
        Provider = provider;
        Path = path;
        GeneratedSeconds = generatedSeconds;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }
    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Path { get; }
    /// <summary>What the API and the baselines are given.</summary>
    public string ConnectionString { get; }
    /// <summary>Seconds spent generating it in this run, or null when it was reused.</summary>
    public double? GeneratedSeconds { get; }

    public DatabaseOptions Database => new() { Provider = Provider, ConnectionString = ConnectionString, SeedDemoOnStartup = false };

    public static County OpenOrCreate(BenchmarkOptions options, string directory, TextWriter log)
    {
        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            return OpenOrCreatePostgres(options.PostgresConnection!, options.Households, options.Seed, log);
        }
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"county-{options.Households}-seed{options.Seed}.db"));
        double? seconds = null;
        if (!File.Exists(path))
        {
            log.WriteLine($"Generating a county of {options.Households:N0} households (seed {options.Seed}) into {path} …");
            seconds = Generate(path, options.Households, options.Seed, log).Elapsed.TotalSeconds;
        }
        // Apply scripts added since the file was generated (e.g. new indexes), outside any measurement.
        MigrationRunner.Run(Options(path));
        SqliteConnection.ClearAllPools();
        return new County(DatabaseProvider.Sqlite, path, Options(path).ConnectionString, seconds);
    }

    private static County OpenOrCreatePostgres(string server, int households, int seed, TextWriter log)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"warehouse_bench_{households}_seed{seed}");
        double? seconds = null;
        if (!PostgresDatabaseExists(server, name))
        {
            log.WriteLine($"Generating a county of {households:N0} households (seed {seed}) into PostgreSQL database {name} …");
            seconds = GeneratePostgres(server, name, households, seed, log).Elapsed.TotalSeconds;
        }
        var connection = PostgresConnection(server, name);
        MigrationRunner.Run(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = connection, SeedDemoOnStartup = false });
        NpgsqlConnection.ClearAllPools();
        return new County(DatabaseProvider.PostgreSql, name, connection, seconds);
    }

    /// <summary>Migrates and generates into a fresh file (written under a temporary name, then renamed).</summary>
    public static GenerationSummary Generate(string path, int households, int seed, TextWriter? log)
    {
        // Still ending in .db: the audit file is named after the data file (x.tmp.db → x.tmp.audit.db) and moves with it.
        var temp = System.IO.Path.ChangeExtension(path, ".tmp.db");
        Delete(temp);
        var options = Options(temp);
        MigrationRunner.Run(options);
        var summary = Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, CountyCode = options.CountyCode }, Progress(log));
        using (var connection = new SqliteConnection(options.ConnectionString))
        {
            connection.Open();
            SqliteAuditFile.Attach(connection, SqliteAuditFile.PathFor(options));
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA audit.wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        Delete(path);
        File.Move(temp, path);
        File.Move(AuditPath(temp), AuditPath(path));
        Delete(temp);
        return summary;
    }

    /// <summary>Migrates and generates into a fresh PostgreSQL database (a temporary name, renamed when complete).</summary>
    public static GenerationSummary GeneratePostgres(string server, string name, int households, int seed, TextWriter? log)
    {
        var temp = name + "_tmp";
        DropPostgres(server, temp);
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = PostgresConnection(server, temp),
            SeedDemoOnStartup = false,
        };
        MigrationRunner.Run(options);
        var summary = Seeder.Seed(options, new GeneratorOptions { Households = households, Seed = seed, CountyCode = options.CountyCode }, Progress(log));
        // RENAME needs the database to have no session, pooled ones included.
        NpgsqlConnection.ClearAllPools();
        DropPostgres(server, name);
        ExecuteOnServer(server, $"ALTER DATABASE {temp} RENAME TO {name}");
        return summary;
    }

    /// <summary>Drops a database of the suite's (FORCE: sessions of a killed server may linger).</summary>
    public static void DropPostgres(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        ExecuteOnServer(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>The server's connection string pointed at one database; dates in UTC, as the API's minors rule uses.</summary>
    public static string PostgresConnection(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Timezone = "UTC" }.ToString();

    private static bool PostgresDatabaseExists(string server, string name)
    {
        using var connection = new NpgsqlConnection(PostgresConnection(server, "postgres") + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM pg_database WHERE datname = @name";
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() is not null;
    }

    private static void ExecuteOnServer(string server, string sql)
    {
        using var connection = new NpgsqlConnection(PostgresConnection(server, "postgres") + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Progress<GenerationProgress> Progress(TextWriter? log)
    {
        var last = -25.0;
        return new Progress<GenerationProgress>(p =>
        {
            if (log is not null && p.Percent - last >= 25)
            {
                last = p.Percent;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Percent:0}% ({p.Table})"));
            }
        });
    }

    public static DatabaseOptions Options(string path) => new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
        SeedDemoOnStartup = false,
    };

    private static string AuditPath(string path) => SqliteAuditFile.PathFor(Options(path));

    /// <summary>A county's files: the data file and its audit file (each with its WAL and shared-memory files).</summary>
    public static void Delete(string path)
    {
        var audit = AuditPath(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", audit, audit + "-wal", audit + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// A connection for the suite's own reads, where the base tables answer to their plain names on both
    /// providers (<c>household</c>; PostgreSQL's search path starts with schema <c>wh</c>).
    /// </summary>
    public DbConnection Open()
    {
        DbConnection connection = Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = "wh, api, public" }.ToString())
            : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>"Born at least 14 years ago" in this provider's SQL (the county reads no minors' records).</summary>
    public string AdultsOnly => Provider == DatabaseProvider.PostgreSql
        ? "birth_date <= CAST(CURRENT_DATE - INTERVAL '14 years' AS date)"
        : "birth_date <= date('now', '-14 years')";

    public (string, long) TopVillage()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT village_code, COUNT(*) FROM household GROUP BY village_code ORDER BY 2 DESC, 1 LIMIT 1";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetInt64(1));
    }
}
