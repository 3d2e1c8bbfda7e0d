using System.Globalization;
using System.Text;

namespace Warehouse.Load;

/// <summary>What a run measured, and the report table (markdown) with the targets checked.</summary>
internal sealed class LoadReport
{
    public const double TargetP99Ms = 250;
    public const double TargetRssGrowth = 0.10;

    public required int Clients { get; init; }
    public required double Seconds { get; init; }
    public required long Requests { get; init; }
    public required long Errors { get; init; }
    public required IReadOnlyDictionary<string, long> ErrorsByCode { get; init; }
    public required double P50 { get; init; }
    public required double P95 { get; init; }
    public required double P99 { get; init; }
    public required double Max { get; init; }
    public required IReadOnlyList<(string Scenario, long Count, double P50, double P99)> Scenarios { get; init; }
    public required IReadOnlyList<RssSample> Rss { get; init; }
    public required IReadOnlyDictionary<long, long> PerSecond { get; init; }

    public double Throughput => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Seconds at the start left out of the RSS check (<see cref="LoadOptions.WarmupSeconds"/>).</summary>
    public double WarmupSeconds { get; init; }

    /// <summary>
    /// Mean RSS of the last 10 s against the first 10 s after the warm-up, as a fraction; when less than 20 s
    /// follow the warm-up, the two halves of what follows it. Null with fewer than two samples after the warm-up.
    /// </summary>
    public double? RssGrowth
    {
        get
        {
            var after = Rss.Where(s => s.Second >= WarmupSeconds).ToList();
            if (after.Count < 2)
            {
                return null;
            }
            var start = after[0].Second;
            var end = after[^1].Second;
            if (end <= start)
            {
                return null;
            }
            // Half-open windows, [start, start + w) and (end - w, end], so that they never share a sample.
            var w = Math.Min(10, (end - start) / 2);
            var first = after.Where(s => s.Second < start + w).Average(s => (double)s.Kb);
            var last = after.Where(s => s.Second > end - w).Average(s => (double)s.Kb);
            return (last - first) / first;
        }
    }

    public bool ZeroErrors => Errors == 0;
    public bool P99Met => P99 <= TargetP99Ms;
    public bool RssMet => RssGrowth is null or <= TargetRssGrowth;

    internal static LoadReport From(LoadOptions options, Workload workload, IReadOnlyList<ClientResult> results, List<RssSample> rss, TimeSpan elapsed)
    {
        var all = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(all);
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (code, n) in results.SelectMany(r => r.Errors))
        {
            errors[code] = errors.GetValueOrDefault(code) + n;
        }
        var perSecond = new SortedDictionary<long, long>();
        foreach (var (s, n) in results.SelectMany(r => r.PerSecond))
        {
            perSecond[s] = perSecond.GetValueOrDefault(s) + n;
        }
        var scenarios = workload.Scenarios.Select(s =>
        {
            var l = results.SelectMany(r => r.ByScenario.GetValueOrDefault(s.Name) ?? []).ToArray();
            Array.Sort(l);
            return (s.Name, (long)l.Length, Percentile(l, 0.50), Percentile(l, 0.99));
        }).ToList();
        return new LoadReport
        {
            Clients = options.Clients,
            Seconds = elapsed.TotalSeconds,
            Requests = all.Length,
            Errors = errors.Values.Sum(),
            ErrorsByCode = errors,
            P50 = Percentile(all, 0.50),
            P95 = Percentile(all, 0.95),
            P99 = Percentile(all, 0.99),
            Max = all.Length == 0 ? 0 : all[^1],
            Scenarios = scenarios,
            Rss = [.. rss],
            WarmupSeconds = options.WarmupSeconds,
            PerSecond = perSecond,
        };
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public string ToMarkdown(string? command = null)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"## Load run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        if (command is not null)
        {
            sb.AppendLine().AppendLine("```").AppendLine(command).AppendLine("```");
        }
        sb.AppendLine().AppendLine("| measure | value | target | met |").AppendLine("|---|---:|---:|:-:|");
        sb.AppendLine(c, $"| clients | {Clients} | 64 | |");
        sb.AppendLine(c, $"| duration | {Seconds:0.0} s | 60 s | |");
        sb.AppendLine(c, $"| requests | {Requests:N0} | | |");
        sb.AppendLine(c, $"| throughput | {Throughput:N0} req/s | | |");
        sb.AppendLine(c, $"| errors | {Errors:N0} | 0 | {Mark(ZeroErrors)} |");
        sb.AppendLine(c, $"| p50 | {P50:0.0} ms | | |");
        sb.AppendLine(c, $"| p95 | {P95:0.0} ms | | |");
        sb.AppendLine(c, $"| p99 | {P99:0.0} ms | ≤ {TargetP99Ms:0} ms | {Mark(P99Met)} |");
        sb.AppendLine(c, $"| max | {Max:0.0} ms | | |");
        var growth = RssGrowth;
        var measured = growth is null ? "not sampled" : (growth.Value * 100).ToString("+0.0;-0.0", c) + " %";
        sb.AppendLine(c, $"| RSS growth after the warm-up (from second {WarmupSeconds:0}), first → last 10 s | {measured} | ≤ " +
            $"{TargetRssGrowth * 100:0} % | {(growth is null ? "–" : Mark(RssMet))} |");

        sb.AppendLine().AppendLine("### Errors by code").AppendLine();
        if (ErrorsByCode.Count == 0)
        {
            sb.AppendLine("none");
        }
        else
        {
            sb.AppendLine("| status and code | count |").AppendLine("|---|---:|");
            foreach (var (code, n) in ErrorsByCode)
            {
                sb.AppendLine(c, $"| {code} | {n:N0} |");
            }
        }

        sb.AppendLine().AppendLine("### Latency by scenario").AppendLine().AppendLine("| scenario | requests | p50 ms | p99 ms |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var (name, count, p50, p99) in Scenarios)
        {
            sb.AppendLine(c, $"| {name} | {count:N0} | {p50:0.0} | {p99:0.0} |");
        }

        sb.AppendLine().AppendLine("### Server RSS and throughput over time").AppendLine().AppendLine("| second | RSS MB | requests in that second |")
            .AppendLine("|---:|---:|---:|");
        var step = Rss.Count > 30 ? 5 : 1;
        for (var i = 0; i < Rss.Count; i++)
        {
            if (i % step == 0 || i == Rss.Count - 1)
            {
                var s = Rss[i];
                sb.AppendLine(c, $"| {s.Second:0} | {s.Kb / 1024.0:0.0} | {PerSecond.GetValueOrDefault((long)s.Second):N0} |");
            }
        }
        if (Rss.Count == 0)
        {
            sb.AppendLine("| – | not sampled (no --pid / --start) | |");
        }
        return sb.ToString();
    }

    private static string Mark(bool ok) => ok ? "yes" : "**no**";
}
