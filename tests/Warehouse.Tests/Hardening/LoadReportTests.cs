using Warehouse.Load;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>The soak's RSS check: growth is measured after the warm-up, first 10 s against last 10 s.</summary>
public sealed class LoadReportTests
{
    /// <summary>RSS in MB per second, 0..60: a warm-up climb from 150 to 260 MB over 15 s, then the given tail.</summary>
    private static List<RssSample> Climb(Func<int, double> after) =>
        [.. Enumerable.Range(0, 61).Select(s => new RssSample(s, (long)((s < 15 ? 150 + (110.0 * s / 15) : after(s)) * 1024)))];

    public static TheoryData<string, int, double?> Cases() => new()
    {
        // name, warm-up seconds, expected growth (null: not enough samples after the warm-up)
        { "flat after the warm-up", 15, 0.0 },
        { "flat after the warm-up, measured from 0", 0, 0.42 },
        { "leaking 1 MB a second", 15, 0.14 },
        { "warm-up longer than the run", 61, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Growth_is_measured_after_the_warm_up(string name, int warmup, double? expected)
    {
        Func<int, double> tail = name.StartsWith("leaking", StringComparison.Ordinal) ? s => 260 + (s - 15) : _ => 260;
        var report = Report(Climb(tail), warmup);
        if (expected is null)
        {
            Assert.Null(report.RssGrowth);
            return;
        }
        Assert.NotNull(report.RssGrowth);
        Assert.Equal(expected.Value, report.RssGrowth.Value, 2);
        Assert.Equal(expected.Value <= LoadReport.TargetRssGrowth, report.RssMet);
    }

    [Fact]
    public void A_short_run_compares_the_two_halves_after_the_warm_up()
    {
        // 15 s of warm-up, then 10 s at 200 MB and 10 s at 220 MB: windows of 10 s would overlap, halves do not.
        var samples = Enumerable.Range(0, 36).Select(s => new RssSample(s, (s < 15 ? 100 : s < 25 ? 200 : 220) * 1024L)).ToList();
        var growth = Report(samples, 15).RssGrowth;
        Assert.NotNull(growth);
        Assert.Equal(0.10, growth.Value, 2);
    }

    [Fact]
    public void The_table_says_from_which_second()
    {
        Assert.Contains("from second 15", Report(Climb(_ => 260), 15).ToMarkdown(), StringComparison.Ordinal);
    }

    private static LoadReport Report(List<RssSample> rss, int warmup) => new()
    {
        Clients = 64,
        Seconds = rss.Count,
        Requests = 0,
        Errors = 0,
        ErrorsByCode = new Dictionary<string, long>(),
        P50 = 0,
        P95 = 0,
        P99 = 0,
        Max = 0,
        Scenarios = [],
        Rss = rss,
        PerSecond = new Dictionary<long, long>(),
        WarmupSeconds = warmup,
    };
}
