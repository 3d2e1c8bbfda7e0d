using Npgsql;
using Warehouse.Data;
using Xunit;

namespace Warehouse.Tests.Database;

/// <summary>The PostgreSQL connection string the server uses carries the busy timeout as lock_timeout (see FaultTests for its effect).</summary>
public sealed class PostgresLockTimeoutTests
{
    [Theory]
    [InlineData("Host=h;Database=d", 5, "-c lock_timeout=5000")]
    [InlineData("Host=h;Database=d", 1, "-c lock_timeout=1000")]
    [InlineData("Host=h;Database=d;Options=-c search_path=wh", 2, "-c search_path=wh -c lock_timeout=2000")]
    [InlineData("Host=h;Database=d;Options=-c lock_timeout=250", 5, "-c lock_timeout=250")] // the operator's own setting stays
    [InlineData("Host=h;Database=d", 0, null)] // 0: no bound, as SQLite's command timeout 0
    public void Busy_timeout_becomes_the_sessions_lock_timeout(string connectionString, int seconds, string? options)
    {
        var result = new NpgsqlConnectionStringBuilder(DbContextFactory.WithLockTimeout(connectionString, seconds));
        Assert.Equal(options, result.Options);
        Assert.Equal("h", result.Host);
        Assert.Equal("d", result.Database);
    }
}
