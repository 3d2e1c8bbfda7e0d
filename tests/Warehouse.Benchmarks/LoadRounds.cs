using System.Diagnostics;

namespace Warehouse.Benchmarks;

/// <summary>
/// Throughput measured as scenario 4 does: N client tasks in a loop for a fixed time, only successful answers
/// counted, two sides in alternating rounds (which goes first alternates) after a half-round warm-up each.
/// </summary>
internal static class LoadRounds
{
    public static async Task<(List<double> A, List<double> B)> AlternateAsync(Func<Task> a, Func<Task> b, int clients, BenchmarkOptions options,
        Dictionary<string, int> failures)
    {
        var warm = options.ThroughputRound / 2;
        await MeasureAsync(a, clients, warm, failures);
        await MeasureAsync(b, clients, warm, failures);
        var (ratesA, ratesB) = (new List<double>(), new List<double>());
        for (var round = 0; round < options.ThroughputRounds; round++)
        {
            if (round % 2 == 0)
            {
                ratesA.Add(await MeasureAsync(a, clients, options.ThroughputRound, failures));
                ratesB.Add(await MeasureAsync(b, clients, options.ThroughputRound, failures));
            }
            else
            {
                ratesB.Add(await MeasureAsync(b, clients, options.ThroughputRound, failures));
                ratesA.Add(await MeasureAsync(a, clients, options.ThroughputRound, failures));
            }
        }
        return (ratesA, ratesB);
    }

    /// <summary>Successful requests per second; failures (e.g. 503 AUDIT_UNAVAILABLE) are counted by their code.</summary>
    public static async Task<double> MeasureAsync(Func<Task> request, int clients, TimeSpan duration, Dictionary<string, int> failures)
    {
        long done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                try
                {
                    await request();
                    Interlocked.Increment(ref done);
                }
                catch (InvalidOperationException e)
                {
                    var code = System.Text.RegularExpressions.Regex.Match(e.Message, "\"code\":\"([A-Z_]+)\"").Groups[1].Value;
                    lock (failures)
                    {
                        failures[code] = failures.GetValueOrDefault(code) + 1;
                    }
                }
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
