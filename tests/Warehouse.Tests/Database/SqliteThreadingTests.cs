using Warehouse.Data;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>The suite runs SQLite in the mode the hosts set (multi-thread), and the setting is applied once.</summary>
public sealed class SqliteThreadingTests
{
    [Fact]
    public void The_suite_runs_sqlite_in_multi_thread_mode()
    {
        Assert.Equal("multi-thread", SqliteThreading.Mode);
        // A second call does not try again (SQLite would refuse it now that connections are open) and keeps the answer.
        Assert.Equal("multi-thread", SqliteThreading.Configure());
    }
}
