using Microsoft.Data.Sqlite;
using Warehouse.Data;
using Warehouse.Generation;

namespace Warehouse.Tests.Generation;

/// <summary>A small county (2,000 households, seed 7) generated into a temporary SQLite file.</summary>
public sealed class GeneratedCounty : IDisposable
{
    public const int Households = 2_000;
    public const int Seed = 7;

    public GeneratedCounty()
    {
        Path = CreateDatabase(out var connection);
        Connection = connection;
        Progress = [];
        using var sink = new SqliteBulkSink(Connection);
        Summary = CountyGenerator.Generate(Options(Seed), sink, new ListProgress(Progress));
    }

    public string Path { get; }

    public SqliteConnection Connection { get; }

    public GenerationSummary Summary { get; }

    public List<GenerationProgress> Progress { get; }

    public static GeneratorOptions Options(int seed) => new()
    {
        Households = Households, Seed = seed,
        ReferenceDate = Warehouse.Tests.Infrastructure.TestDatabase.ReferenceDate
    };

    /// <summary>Creates a temp database with every SQLite script applied in order and returns its path and an open connection.</summary>
    public static string CreateDatabase(out SqliteConnection connection)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wh-gen-" + Guid.NewGuid().ToString("N") + ".db");
        connection = new SqliteConnection("Data Source=" + path + ";Pooling=false");
        connection.Open();
        // Script 0010 moves the audit trail into the audit file, attached as the migration runner attaches it.
        SqliteAuditFile.Attach(connection, SqliteAuditFile.PathFor(connection.ConnectionString), create: true);
        foreach (var script in Directory.GetFiles(Warehouse.Tests.Database.RepoPaths.Db("sqlite"), "*.sql").Order(StringComparer.Ordinal))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = File.ReadAllText(script);
            cmd.ExecuteNonQuery();
        }
        return path;
    }

    public static void DeleteDatabase(string path)
    {
        var audit = SqliteAuditFile.PathFor("Data Source=" + path);
        foreach (var f in new[] { path, path + "-wal", path + "-shm", audit, audit + "-wal", audit + "-shm" })
        {
            try
            {
                File.Delete(f);
            }
            catch (IOException)
            {
                // best effort
            }
        }
    }

    public long Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public double Real(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToDouble(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Connection.Dispose();
        DeleteDatabase(Path);
    }

    private sealed class ListProgress(List<GenerationProgress> list) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => list.Add(value);
    }
}
