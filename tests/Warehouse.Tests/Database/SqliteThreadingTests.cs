using Warehouse.Data;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>The suite runs SQLite as the hosts set it up (multi-thread, no memory statistics), and the setting is applied once.</summary>
public sealed class SqliteThreadingTests
{
    [Fact]
    public void The_suite_runs_sqlite_in_multi_thread_mode()
    {
        Assert.Equal("multi-thread", SqliteThreading.Mode);
        // A second call does not try again (SQLite would refuse it now that connections are open) and keeps the answer.
        Assert.Equal("multi-thread", SqliteThreading.Configure());
    }

    [Fact]
    public void Sqlite_keeps_no_memory_statistics()
    {
        // With the statistics on, any open connection and prepared statement would show here as bytes in use.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE t (x TEXT); INSERT INTO t VALUES (hex(randomblob(5000))); SELECT COUNT(*) FROM t;";
        Assert.Equal(1L, cmd.ExecuteScalar());
        Assert.Equal(0L, SQLitePCL.raw.sqlite3_memory_used());
    }
}
