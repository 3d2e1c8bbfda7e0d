using Microsoft.Data.Sqlite;
using Warehouse.Generation;
using Xunit;

namespace Warehouse.Tests.Generation;

/// <summary>
/// The bulk sink loosens a borrowed connection for the load (no sync, a large cache, the statement journal in memory)
/// and must hand it back as it found it: a seeded server's later writes are durable again and use their own temp store.
/// </summary>
public sealed class SqliteBulkSinkPragmaTests
{
    [Theory]
    [InlineData("synchronous", "1")]
    [InlineData("cache_size", "-4000")]
    [InlineData("temp_store", "1")]
    public void A_completed_load_restores_the_connection_setting(string pragma, string before)
    {
        var path = GeneratedCounty.CreateDatabase(out var connection);
        try
        {
            Execute(connection, $"PRAGMA {pragma} = {before}");
            using (var sink = new SqliteBulkSink(connection))
            {
                sink.Begin("standard", ["standard_id", "county_code"]);
                Assert.NotEqual(before, Read(connection, pragma));
                sink.Complete();
            }
            Assert.Equal(before, Read(connection, pragma));
        }
        finally
        {
            connection.Dispose();
            GeneratedCounty.DeleteDatabase(path);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Read(SqliteConnection connection, string pragma)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
