using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks;

/// <summary>Latencies of one side of a scenario, in milliseconds.</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;
    public void Add(double ms) => _values.Add(ms);
    public double Median => Percentile(50);
    public double P95 => Percentile(95);

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _values.Order().ToList();
        var rank = p / 100.0 * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}

/// <summary>Runs ours and the baseline alternately (which goes first alternates too), after warm-up, within a budget.</summary>
public static class Alternating
{
    /// <param name="ours">One request of our side.</param>
    /// <param name="baseline">One request of the side we are compared with.</param>
    /// <param name="options">Warm-up, iterations and budget.</param>
    /// <param name="servers">
    /// The .NET servers the two sides run on (ours, the baseline): the warm-up goes on until their runtimes have
    /// stopped tiering up the scenario's code (<see cref="WarmUpAsync"/>). Empty: the fixed warm-up only.
    /// </param>
    public static async Task<(Samples Ours, Samples Baseline)> RunAsync(Func<Task> ours, Func<Task> baseline, BenchmarkOptions options,
        IReadOnlyList<int>? servers = null)
    {
        await WarmUpAsync(ours, baseline, options, servers ?? []);
        var clock = Stopwatch.StartNew();
        var (a, b) = (new Samples(), new Samples());
        for (var i = 0; i < options.Iterations && (clock.Elapsed < options.ScenarioBudget || a.Count < 2); i++)
        {
            if (i % 2 == 0)
            {
                a.Add(await Time(ours));
                b.Add(await Time(baseline));
            }
            else
            {
                b.Add(await Time(baseline));
                a.Add(await Time(ours));
            }
        }
        return (a, b);
    }

    /// <summary>
    /// Rounds of at least <see cref="BenchmarkOptions.WarmUp"/> requests per side and <see cref="BenchmarkOptions.WarmUpRound"/>
    /// until, after <see cref="BenchmarkOptions.MinWarmUp"/> requests, a round passes with the servers' tier-up compilers
    /// under a tenth of a core (or <see cref="BenchmarkOptions.SettleLimit"/>). A server a few seconds old still runs much
    /// of a scenario's code unoptimised and recompiles it in the background — its installs stop every thread — so a
    /// fixed count of warm-up requests measured the runtime settling (scenario 1 in a young server: p50 16.5 ms; the same
    /// server a minute later: 8.5 ms). Production servers run for days. Returns how long the warm-up took.
    /// </summary>
    public static async Task<TimeSpan> WarmUpAsync(Func<Task> ours, Func<Task> baseline, BenchmarkOptions options, IReadOnlyList<int> servers)
    {
        var clock = Stopwatch.StartNew();
        var requests = 0;
        while (true)
        {
            var before = servers.Sum(TieringQuiescence.CompilerTicks);
            var round = Stopwatch.StartNew();
            for (var i = 0; i < options.WarmUp || (servers.Count > 0 && round.Elapsed < options.WarmUpRound); i++)
            {
                await ours();
                await baseline();
                requests++;
            }
            var used = servers.Sum(TieringQuiescence.CompilerTicks) - before; // hundredths of a second of CPU
            var quiet = used <= 10 * round.Elapsed.TotalSeconds && requests >= options.MinWarmUp;
            if (servers.Count == 0 || quiet || clock.Elapsed >= options.SettleLimit)
            {
                return clock.Elapsed;
            }
        }
    }

    public static async Task<double> Time(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

/// <summary>One row of the results table.</summary>
public sealed record ResultRow(int Number, string Scenario, string Ours, string Baseline, string Ratio, string Target, string Met, string Notes = "")
{
    public static string Ms(Samples s) => string.Create(CultureInfo.InvariantCulture, $"p50 {s.Median:0.00} ms, p95 {s.P95:0.00} ms (n={s.Count})");
}

public static class Report
{
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var mem = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        var ram = mem is null ? "?" : string.Create(CultureInfo.InvariantCulture,
            $"{double.Parse(mem["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024 / 1024:0.0} GiB");
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {ram} RAM, " +
               $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    public static string Table(IEnumerable<ResultRow> rows)
    {
        var lines = new List<string>
        {
            "| # | scenario | ours | baseline | ratio (ours/baseline) | target | met |",
            "|---|---|---|---|---|---|---|",
        };
        lines.AddRange(rows.Select(r => $"| {r.Number} | {r.Scenario} | {r.Ours} | {r.Baseline} | {r.Ratio} | {r.Target} | {r.Met} |"));
        return string.Join(Environment.NewLine, lines);
    }

    public static string Yes(bool met) => met ? "yes" : "**no**";

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"1.23x": ours over the other side, two decimals; "n/a" when either side measured nothing.</summary>
    public static string Ratio(double ours, double other) =>
        double.IsFinite(ours) && double.IsFinite(other) && ours > 0 && other > 0 ? F(ours / other, "0.00") + "x" : "n/a";

    /// <summary>The peer's table: the same rows as <see cref="Table"/>, the ratio over PostGraphile's figure.</summary>
    public static string PeerTable(IEnumerable<ResultRow> rows)
    {
        var lines = new List<string>
        {
            "| # | scenario | ours | peer | ratio (ours/peer) | target | met |",
            "|---|---|---|---|---|---|---|",
        };
        lines.AddRange(rows.Select(r => $"| {r.Number} | {r.Scenario} | {r.Ours} | {r.Baseline} | {r.Ratio} | {r.Target} | {r.Met} |"));
        return string.Join(Environment.NewLine, lines);
    }
}
