using Warehouse.Load;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>The load tool's core loop, briefly against the in-process server, so it cannot rot (the real run is docs/load.md).</summary>
[Trait("Category", TestCategories.Slow)]
public sealed class LoadToolTests
{
    [Fact]
    public async Task Four_clients_for_three_seconds_get_no_errors_and_a_report()
    {
        // Every read of personal data writes an audit row; in rollback-journal mode (the test template's) concurrent
        // writers and readers collide (AUDIT_UNAVAILABLE), so this app's copy runs in WAL mode as intended by db/sqlite.
        using var app = new WarehouseApp();
        Sql.Execute(app.Database, "PRAGMA journal_mode=WAL");
        var options = new LoadOptions
        {
            Url = new Uri("http://127.0.0.1/"),
            Clients = 4,
            Seconds = 3,
            WarmupSeconds = 1,
            MaxRequests = 5_000,
            SigningKey = WarehouseApp.SigningKey,
            ServerPid = Environment.ProcessId,
        };
        using var handler = app.Server.CreateHandler();
        var report = await LoadRunner.RunAsync(options, handler);

        Assert.True(report.Requests > 0);
        Assert.True(report.ZeroErrors, string.Join(", ", report.ErrorsByCode.Select(e => $"{e.Key}: {e.Value}")));
        Assert.All(report.Scenarios, s => Assert.True(s.Count > 0, $"scenario '{s.Scenario}' never ran"));
        Assert.NotEmpty(report.Rss);
        Assert.True(report.P50 <= report.P99);
        var table = report.ToMarkdown();
        Assert.Contains("| p99 |", table, StringComparison.Ordinal);
        Assert.Contains("RSS growth", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://10.0.0.5:5080/")]
    [InlineData("http://example.org/")]
    public void Only_loopback_127_0_0_1_is_accepted(string url)
    {
        var options = new LoadOptions { Url = new Uri(url), SigningKey = WarehouseApp.SigningKey };
        Assert.Contains("127.0.0.1", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--clients", "257")]
    [InlineData("--clients", "0")]
    [InlineData("--seconds", "0")]
    [InlineData("--seconds", "3601")]
    [InlineData("--warmup", "-1")]
    [InlineData("--warmup", "60")]
    public void Clients_and_time_are_bounded(string option, string value)
    {
        var options = LoadOptions.Parse([option, value, "--url", "http://127.0.0.1:5080/", "--key", WarehouseApp.SigningKey]);
        Assert.Throws<ArgumentException>(options.Validate);
    }
}
