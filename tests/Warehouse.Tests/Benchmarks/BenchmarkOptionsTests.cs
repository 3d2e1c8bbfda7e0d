using Warehouse.Benchmarks;
using Warehouse.Data;
using Xunit;

namespace Warehouse.Tests.Benchmarks;

/// <summary>The suite's command line: provider, PostgreSQL server from the option or the environment, --peer.</summary>
public sealed class BenchmarkOptionsTests
{
    private const string Server = "Host=127.0.0.1;Port=5999;Username=postgres";

    private static BenchmarkOptions Parse(string? environment, params string[] args) =>
        BenchmarkOptions.Parse(args, name => name == BenchmarkOptions.PostgresVariable ? environment : null);

    [Theory]
    [InlineData(new[] { "--quick" }, DatabaseProvider.Sqlite, null, false)]
    [InlineData(new[] { "--provider", "sqlite" }, DatabaseProvider.Sqlite, null, false)]
    [InlineData(new[] { "--provider", "postgresql" }, DatabaseProvider.PostgreSql, "env", false)]
    [InlineData(new[] { "--provider", "PostgreSQL", "--postgres", Server }, DatabaseProvider.PostgreSql, Server, false)]
    [InlineData(new[] { "--provider", "postgres", "--peer" }, DatabaseProvider.PostgreSql, "env", true)]
    public void Parses_provider_server_and_peer(string[] args, DatabaseProvider provider, string? server, bool peer)
    {
        var options = Parse("env", args);
        Assert.Equal(provider, options.Provider);
        Assert.Equal(provider == DatabaseProvider.Sqlite ? null : server, options.PostgresConnection);
        Assert.Equal(peer, options.Peer);
    }

    [Theory]
    [InlineData(null, new[] { "--provider", "postgresql" }, "WAREHOUSE_POSTGRES")]
    [InlineData("", new[] { "--provider", "postgresql" }, "WAREHOUSE_POSTGRES")]
    [InlineData("env", new[] { "--peer" }, "--provider postgresql")]
    [InlineData("env", new[] { "--provider", "sqlserver" }, "sqlite or postgresql")]
    [InlineData("env", new[] { "--provider" }, "needs a value")]
    public void Refuses_what_cannot_run(string? environment, string[] args, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => Parse(environment, args));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--households", "10" }, "results.md")]
    [InlineData(new[] { "--quick" }, "results-quick.md")]
    [InlineData(new[] { "--smoke", "--provider", "postgresql" }, "results-smoke-postgresql.md")]
    [InlineData(new[] { "--provider", "postgresql" }, "results-postgresql.md")]
    public void Results_file_names_mode_and_provider(string[] args, string file) =>
        Assert.Equal(file, BenchmarkSuite.ResultsFile(Parse(Server, args)));

    [Theory]
    [InlineData(17.1, 4.21, "4.06x")]
    [InlineData(1845, 13811, "0.13x")]
    [InlineData(1, 1, "1.00x")]
    [InlineData(5, 0, "n/a")]
    [InlineData(0, 5, "n/a")]
    [InlineData(double.NaN, 5, "n/a")]
    [InlineData(5, double.PositiveInfinity, "n/a")]
    public void Ratio_is_ours_over_the_other_with_two_decimals(double ours, double other, string expected) =>
        Assert.Equal(expected, Report.Ratio(ours, other));
}
