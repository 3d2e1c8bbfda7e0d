using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Warehouse.Security;

namespace Warehouse.Load;

/// <summary>
/// The core loop: N clients, each sending one request after the other (closed loop) until the time is up or the
/// request budget is spent, recording latency and the outcome of every request; the server's RSS is sampled
/// every second meanwhile. It always stops by itself.
/// </summary>
internal static class LoadRunner
{
    /// <param name="options">The bounds of the run (validated here).</param>
    /// <param name="handler">How to reach the server (sockets, or an in-process test server's handler).</param>
    /// <param name="ct">Stops the run early (Ctrl+C).</param>
    public static async Task<LoadReport> RunAsync(LoadOptions options, HttpMessageHandler handler, CancellationToken ct = default)
    {
        options.Validate();
        using var http = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds)
        };
        var issuer = new LocalTokenIssuer(new LocalIssuerOptions { SigningKey = options.SigningKey });
        var workload = await Workload.DiscoverAsync(http, issuer, ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        var results = new ConcurrentBag<ClientResult>();
        var rss = new List<RssSample>();
        var sampler = SampleAsync(options.ServerPid, clock, rss, stop.Token);
        var clients = Enumerable.Range(0, options.Clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(i, 17));
            var mine = new ClientResult();
            var round = 0;
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref sent) <= options.MaxRequests)
            {
                // The clients first share out one pass over every scenario, so even a short run on a busy machine
                // exercises each of them; then they pick by weight.
                var first = i + round++ * options.Clients;
                var scenario = first < workload.Scenarios.Count ? workload.Scenarios[first] : workload.Pick(random);
                var caller = workload.Caller(scenario, random);
                var (query, variables) = scenario.Build(random, caller);
                string? after = null;
                for (var page = 0; page < (scenario.Pages ? 3 : 1) && !stop.IsCancellationRequested; page++)
                {
                    var outcome = await SendAsync(http, caller.Token, query, scenario.Pages ? new { after } : variables, clock, stop.Token);
                    if (outcome is null)
                    {
                        break; // the run ended while this request was in flight: not counted
                    }
                    mine.Add(scenario.Name, outcome.Value.Millis, outcome.Value.Error, (long)clock.Elapsed.TotalSeconds);
                    after = outcome.Value.EndCursor;
                    if (after is null)
                    {
                        break;
                    }
                }
            }
            results.Add(mine);
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await sampler;
        return LoadReport.From(options, workload, [.. results], rss, elapsed);
    }

    private static async Task<(double Millis, string? Error, string? EndCursor)?> SendAsync(HttpClient http, string token, string query, object? variables,
        Stopwatch clock, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var start = clock.Elapsed;
        try
        {
            // The request is not cancelled by the end of the run: it finishes (bounded by the client timeout) and counts.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            var bytes = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            var millis = (clock.Elapsed - start).TotalMilliseconds;
            using var body = JsonDocument.Parse(bytes);
            string? code = null;
            if (body.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                code = errors[0].TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() : "UNCODED";
            }
            if (!response.IsSuccessStatusCode || code is not null)
            {
                return (millis, $"HTTP {(int)response.StatusCode} {code ?? "-"}", null);
            }
            return (millis, null, EndCursor(body.RootElement));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            if (stop.IsCancellationRequested && e is TaskCanceledException)
            {
                return null;
            }
            return ((clock.Elapsed - start).TotalMilliseconds, "EXCEPTION " + e.GetType().Name, null);
        }
    }

    private static string? EndCursor(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("households", out var h) && h.ValueKind == JsonValueKind.Object
        && h.TryGetProperty("pageInfo", out var p) && p.TryGetProperty("hasNextPage", out var more) && more.GetBoolean()
        && p.TryGetProperty("endCursor", out var c) ? c.GetString() : null;

    private static async Task SampleAsync(int? pid, Stopwatch clock, List<RssSample> samples, CancellationToken stop)
    {
        if (pid is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            if (ReadRssKb(pid.Value) is { } kb)
            {
                lock (samples)
                {
                    samples.Add(new RssSample(clock.Elapsed.TotalSeconds, kb));
                }
            }
            try
            {
                await timer.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        while (!stop.IsCancellationRequested);
        if (ReadRssKb(pid.Value) is { } last)
        {
            samples.Add(new RssSample(clock.Elapsed.TotalSeconds, last));
        }
    }

    /// <summary>VmRSS of a process in kB, from /proc/&lt;pid&gt;/status (Linux); null when it cannot be read.</summary>
    public static long? ReadRssKb(int pid) => (long?)Warehouse.Tooling.ProcStatus.KiB(pid, "VmRSS:");
}

/// <summary>One client's records (kept per client, merged at the end: no locks on the hot path).</summary>
internal sealed class ClientResult
{
    public List<double> Latencies { get; } = [];
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<double>> ByScenario { get; } = new(StringComparer.Ordinal);
    public Dictionary<long, long> PerSecond { get; } = [];

    public void Add(string scenario, double millis, string? error, long second)
    {
        Latencies.Add(millis);
        if (!ByScenario.TryGetValue(scenario, out var list))
        {
            ByScenario[scenario] = list = [];
        }
        list.Add(millis);
        PerSecond[second] = PerSecond.GetValueOrDefault(second) + 1;
        if (error is not null)
        {
            Errors[error] = Errors.GetValueOrDefault(error) + 1;
        }
    }
}

/// <summary>The server's resident set size at a moment of the run.</summary>
internal sealed record RssSample(double Second, long Kb);
