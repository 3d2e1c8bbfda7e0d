using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Warehouse.Data;

namespace Warehouse.Generation;

/// <summary>Generates a synthetic county into the configured database (bulk insert, one transaction).</summary>
public static class Seeder
{
    /// <param name="database">The warehouse to fill.</param>
    /// <param name="generator">Generator options.</param>
    /// <param name="progress">Progress reports.</param>
    /// <param name="clock">Today for a generator without a reference date (the host's clock; default the system's).</param>
    public static GenerationSummary Seed(DatabaseOptions database, GeneratorOptions generator, IProgress<GenerationProgress>? progress = null,
        TimeProvider? clock = null)
    {
        generator = CountyGenerator.Resolve(generator, clock);
        generator.Validate();
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            using var sql = new SqlConnection(database.ConnectionString);
            sql.Open();
            using var sink = new SqlServerBulkSink(sql, DbNames.BaseSchema);
            return CountyGenerator.Generate(generator, sink, progress);
        }
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            using var pg = new Npgsql.NpgsqlConnection(database.ConnectionString);
            pg.Open();
            GenerationSummary generated;
            using (var pgSink = new PostgreSqlBulkSink(pg, DbNames.BaseSchema))
            {
                generated = CountyGenerator.Generate(generator, pgSink, progress);
            }
            using var analyze = pg.CreateCommand();
            // COPY leaves the planner without statistics until autovacuum comes round; the first queries need them.
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
            return generated;
        }
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var sqliteSink = new SqliteBulkSink(connection);
        var summary = CountyGenerator.Generate(generator, sqliteSink, progress);
        using (var analyze = connection.CreateCommand())
        {
            // Fresh statistics so SQLite's planner picks the region and income indexes.
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
        }
        return summary;
    }

    /// <summary>True when the warehouse already holds households.</summary>
    public static bool HasData(DatabaseOptions database)
    {
        using var db = DbContextFactory.Create(database);
        return db.Set<Households.Household>().Any();
    }
}
