using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Warehouse.Security;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks;

/// <summary>
/// The eight scenarios of docs/performance.md. Each latency scenario measures ours and its baseline alternately
/// after warm-up on the same server process, over loopback HTTP; the table reports p50/p95 and the p50 ratio.
/// Exit code 0 when every scenario ran and every baseline produced the same JSON as ours (targets missed are
/// reported, not failed), 1 otherwise.
/// </summary>
public static class BenchmarkSuite
{
    private const string County = "139901000000";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await output.WriteLineAsync(e.Message);
            return 2;
        }
        var total = Stopwatch.StartNew();
        var outDir = options.OutputDirectory ?? Path.Combine(RepositoryRoot.Path, "artifacts", "benchmarks");
        Directory.CreateDirectory(outDir);
        await output.WriteLineAsync($"Warehouse benchmarks, {options.Mode} mode, {options.Households:N0} households on {options.Provider}"
            + $"{(options.Peer ? " with the PostGraphile peer" : "")}; machine: {Report.Machine()}");
        var county = Warehouse.Benchmarks.County.OpenOrCreate(options, outDir, output);
        var countyCode = county.Scalar<string>("SELECT county_code FROM household LIMIT 1");
        var issuer = new LocalTokenIssuer(new LocalIssuerOptions { Enabled = true, SigningKey = BenchmarkServers.SigningKey });
        string Token(string role, string? region) => issuer.Issue($"bench-{role}", role, region, TimeSpan.FromHours(4));
        var countyToken = Token("county", County);

        var rows = new List<ResultRow>();
        var peerRows = new List<ResultRow>();
        var problems = new List<string>();
        // Installed before any server starts, so that npm's minute is not spent while they idle.
        var peerInstall = options.Peer ? await Peer.PeerServer.InstallAsync(outDir, output) : default;
        using var client = new Client();
        await using (var server = BenchmarkServers.Start(county, Path.Combine(outDir, "server.log")))
        await using (var baseline = BenchmarkServers.StartBaseline(county, Path.Combine(outDir, "baseline.log")))
        {
            var started = await server.WaitForFirstAnswerAsync(client, countyToken, TimeSpan.FromMinutes(2));
            await baseline.WaitForBaselineAsync(client, TimeSpan.FromMinutes(1));
            await output.WriteLineAsync(
                $"Server pid {server.Pid} at {server.Address} answered after {started.TotalSeconds:0.00} s; baseline pid {baseline.Pid} at " +
                $"{baseline.Address}.");
            var context = new Context(options, client, server, baseline, county, countyCode, countyToken, Token, output, problems);
            foreach (var (number, scenario) in new (int, Func<Context, Task<ResultRow>>)[]
                     {
                         (1, PageWithMembers), (2, GroupedAggregate), (3, DeepKeysetPage), (4, Throughput), (5, VillageRole), (6, CsvExport),
                         (8, ParquetExport),
                     })
            {
                if (options.Scenarios.Contains(number))
                {
                    await output.WriteLineAsync($"Scenario {number} …");
                    try
                    {
                        var row = await scenario(context);
                        rows.Add(row);
                        await output.WriteLineAsync($"  {row.Ours} | {row.Baseline} | ratio {row.Ratio} {row.Notes}");
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TimeoutException)
                    {
                        problems.Add($"scenario {number}: {e.Message}");
                        rows.Add(new ResultRow(number, $"scenario {number}", "failed", "", "", "", "**no**", e.Message));
                    }
                }
            }
            if (options.Peer)
            {
                await RunPeerAsync(options, client, server, countyToken, county, outDir, peerInstall, peerRows, output, problems);
            }
        }
        if (options.Scenarios.Contains(7))
        {
            await output.WriteLineAsync("Scenario 7 …");
            rows.Add(await ColdStartAndGeneration(new Context(options, client, null!, null!, county, countyCode, countyToken, Token, output, problems),
                outDir));
        }

        var table = Report.Table(rows);
        if (peerRows.Count > 0)
        {
            table += Environment.NewLine + Environment.NewLine + "Peer: PostGraphile 5 over the same PostgreSQL database (no auth, scope, masks or audit), "
                + "measured alternately with ours:" + Environment.NewLine + Environment.NewLine + Report.PeerTable(peerRows);
        }
        var notes = rows.Where(r => r.Notes.Length > 0).Select(r => $"- {r.Number}: {r.Notes}")
            .Concat(peerRows.Where(r => r.Notes.Length > 0).Select(r => $"- peer {r.Number}: {r.Notes}")).ToList();
        var text = $"""
            # Benchmark results

            {options.Mode} mode, {options.Households:N0} households (seed {options.Seed}) on {options.Provider},
            {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {total.Elapsed.TotalSeconds:0} s.
            Machine: {Report.Machine()}.

            {table}

            {string.Join(Environment.NewLine, notes)}
            {(problems.Count == 0 ? "" : "Problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))}
            """;
        var file = Path.Combine(outDir, ResultsFile(options));
        await File.WriteAllTextAsync(file, text);
        await output.WriteLineAsync();
        await output.WriteLineAsync(table);
        foreach (var note in notes)
        {
            await output.WriteLineAsync(note);
        }
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("PROBLEM: " + problem);
        }
        await output.WriteLineAsync($"Written to {file} ({total.Elapsed.TotalSeconds:0} s).");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>results.md, results-quick.md, results-smoke.md; with -postgresql before .md on PostgreSQL.</summary>
    internal static string ResultsFile(BenchmarkOptions options) =>
        "results" + (options.Mode == BenchmarkMode.Full ? "" : "-" + options.Mode.ToString().ToLowerInvariant())
        + (options.Provider == Warehouse.Data.DatabaseProvider.PostgreSql ? "-postgresql" : "") + ".md";

    /// <summary>--peer: PostGraphile started over the county's database, scenarios 1 and 4 against it, then stopped.</summary>
    private static async Task RunPeerAsync(BenchmarkOptions options, Client client, ServerProcess server, string countyToken, County county, string outDir,
        (string Folder, string Node) install, List<ResultRow> peerRows, TextWriter output, List<string> problems)
    {
        try
        {
            await using var peer = await Peer.PeerServer.StartAsync(install.Folder, install.Node, county, Path.Combine(outDir, "peer.log"), client);
            await output.WriteLineAsync($"Peer (PostGraphile) pid {peer.Pid} at {peer.Address}.");
            var sides = new Peer.PeerScenarios.Sides(options, client, server, countyToken, peer, problems);
            foreach (var (number, scenario) in new (int, Func<Peer.PeerScenarios.Sides, Task<ResultRow>>)[]
                     {
                         (1, Peer.PeerScenarios.PageAsync), (4, Peer.PeerScenarios.ThroughputAsync),
                     })
            {
                await output.WriteLineAsync($"Peer scenario {number} …");
                var row = await scenario(sides);
                peerRows.Add(row);
                await output.WriteLineAsync($"  {row.Ours} | {row.Baseline} | ratio {row.Ratio} {row.Notes}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TimeoutException)
        {
            problems.Add("peer: " + e.Message);
        }
    }

    private sealed record Context(BenchmarkOptions Options, Client Client, ServerProcess Server, ServerProcess Baseline, County County, string CountyCode,
        string CountyToken, Func<string, string?, string> Token, TextWriter Output, List<string> Problems);

    /// <summary>POSTs a GraphQL body, failing on a non-200 status or errors.</summary>
    private static async Task<Client.Response> GraphQL(Context c, byte[] body, string token)
    {
        var response = await c.Client.PostAsync(c.Server, "/graphql", body, token);
        if (response.Status != HttpStatusCode.OK || response.Text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GraphQL answered {(int)response.Status}: {Truncate(response.Text)}");
        }
        return response;
    }

    /// <summary>GETs from the baseline server, failing on a non-200 status.</summary>
    private static async Task<Client.Response> Baseline(Context c, string path)
    {
        var response = await c.Client.GetAsync(c.Baseline, path);
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.Status}: {Truncate(response.Text)}");
        }
        return response;
    }

    private static string Truncate(string s) => s.Length > 400 ? s[..400] + "…" : s;

    private static void SameJson(Context c, int scenario, string ours, string baseline)
    {
        if (JsonCompare.Difference(ours, baseline) is { } difference)
        {
            c.Problems.Add($"scenario {scenario}: the baseline's JSON differs from ours: {difference}");
        }
    }

    private static ResultRow LatencyRow(int number, string scenario, Samples ours, Samples baseline, double target, string notes = "")
    {
        var ratio = ours.Median / baseline.Median;
        return new ResultRow(number, scenario, ResultRow.Ms(ours), ResultRow.Ms(baseline), Report.F(ratio, "0.00") + "x",
            "p50 ≤ " + Report.F(target, "0.00") + "x", Report.Yes(ratio <= target), notes);
    }

    // 1 ─ a filtered, ordered page of 50 households, 8 fields, members nested; baseline: hand-written SQL, same JSON.
    private static async Task<ResultRow> PageWithMembers(Context c)
    {
        const string monitorType = Queries.PageMonitorType;
        const int belowYuan = Queries.PageBelowYuan;
        var query = Queries.PageWithMembers;
        var body = Client.GraphQLBody(query);
        var baselinePath = $"/benchmark/baseline/households-page?county={c.CountyCode}&belowFen={belowYuan * 100}"
            + $"&monitorType={Uri.EscapeDataString(monitorType)}&first=50";
        SameJson(c, 1, (await GraphQL(c, body, c.CountyToken)).Text, (await Baseline(c, baselinePath)).Text);
        var (ours, baseline) = await Alternating.RunAsync(() => GraphQL(c, body, c.CountyToken), () => Baseline(c, baselinePath), c.Options,
            [c.Server.Pid, c.Baseline.Pid]);
        return LatencyRow(1, "page of 50 households (filter income + monitorType, order income, 8 fields, members)", ours, baseline, 1.3);
    }

    // 2 ─ householdsAggregate by township × monitorType: count, sum, avg of income; baseline: the raw GROUP BY, same JSON.
    private static async Task<ResultRow> GroupedAggregate(Context c)
    {
        var body = Client.GraphQLBody("""
            { householdsAggregate(groupBy: [TOWNSHIP_CODE, MONITOR_TYPE]) {
                groups { keys { townshipCode monitorType } count sum { perCapitaNetIncome } avg { perCapitaNetIncome } } } }
            """);
        var baselinePath = $"/benchmark/baseline/households-aggregate?county={c.CountyCode}";
        SameJson(c, 2, (await GraphQL(c, body, c.CountyToken)).Text, (await Baseline(c, baselinePath)).Text);
        var (ours, baseline) = await Alternating.RunAsync(() => GraphQL(c, body, c.CountyToken), () => Baseline(c, baselinePath), c.Options,
            [c.Server.Pid, c.Baseline.Pid]);
        return LatencyRow(2, "grouped aggregate township × monitorType (count, sum, avg income)", ours, baseline, 1.15);
    }

    // 3 ─ the page at row 250,000 (ordered by income) against our own first page.
    private static async Task<ResultRow> DeepKeysetPage(Context c)
    {
        var total = c.County.Scalar<long>("SELECT COUNT(*) FROM household");
        var row = (int)Math.Min(250_000, total * 5 / 6);
        const string order = "order: [{perCapitaNetIncome: ASC}]";
        const string fields = "nodes { id villageCode perCapitaNetIncome householdSize } pageInfo { endCursor }";
        // Walk to the row with the largest pages the API allows; the cursor of row (row - 1) opens the page at row.
        string? cursor = null;
        var skip = row - 1;
        while (skip > 0)
        {
            var n = Math.Min(500, skip);
            var walk = await GraphQL(c,
                Client.GraphQLBody($"query($after: String) {{ households({order}, first: {n}, after: $after) {{ pageInfo {{ endCursor }} }} }}",
                new { after = cursor }), c.CountyToken);
            cursor = JsonNode.Parse(walk.Text)!["data"]!["households"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
            skip -= n;
        }
        var deep = Client.GraphQLBody($"query($after: String) {{ households({order}, first: 50, after: $after) {{ {fields} }} }}", new { after = cursor });
        var first = Client.GraphQLBody($"query($after: String) {{ households({order}, first: 50, after: $after) {{ {fields} }} }}",
            new { after = (string?)null });
        var deepRows = JsonNode.Parse((await GraphQL(c, deep, c.CountyToken)).Text)!["data"]!["households"]!["nodes"]!.AsArray().Count;
        if (deepRows != 50)
        {
            c.Problems.Add($"scenario 3: the page at row {row} has {deepRows} rows");
        }
        var (ours, baseline) = await Alternating.RunAsync(() => GraphQL(c, deep, c.CountyToken), () => GraphQL(c, first, c.CountyToken), c.Options,
            [c.Server.Pid]);
        var ratio = ours.Median / baseline.Median;
        return new ResultRow(3, $"keyset page at row {row:N0} (order by income, 50 rows)", ResultRow.Ms(ours), "first page: " + ResultRow.Ms(baseline),
            Report.F(ratio, "0.00") + "x", "≤ 1.20x", Report.Yes(ratio <= 1.2));
    }

    // 4 ─ requests/s with 32 concurrent clients: a simple query against a bare endpoint running the same SQL.
    private static async Task<ResultRow> Throughput(Context c)
    {
        const int clients = 32;
        var body = Client.GraphQLBody(Queries.Simple);
        var baselinePath = $"/benchmark/baseline/households-simple?county={c.CountyCode}&first=10";
        SameJson(c, 4, (await GraphQL(c, body, c.CountyToken)).Text, (await Baseline(c, baselinePath)).Text);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        Task Ours() => GraphQL(c, body, c.CountyToken);
        Task BaselineOnce() => Baseline(c, baselinePath);
        var (ourRates, baseRates) = await LoadRounds.AlternateAsync(Ours, BaselineOnce, clients, c.Options, failures);
        var (o, b) = (LoadRounds.Median(ourRates), LoadRounds.Median(baseRates));
        return new ResultRow(4, $"throughput, {clients} concurrent clients, households(first: 10) 3 fields",
            Report.F(o, "0") + " req/s", Report.F(b, "0") + " req/s (bare endpoint)", Report.F(o / b, "0.00") + "x", "≥ 0.70x", Report.Yes(o / b >= 0.7),
            $"median of {ourRates.Count} rounds of {c.Options.ThroughputRound.TotalSeconds:0.#} s; client and server share the machine"
            + (failures.Count == 0 ? "" : "; failed requests (not counted): " + string.Join(", ", failures.Select(f => $"{f.Key} × {f.Value}"))));
    }

    // 5 ─ a village reader's page against a county reader's page of the same size.
    private static async Task<ResultRow> VillageRole(Context c)
    {
        var (village, households) = c.County.TopVillage();
        var n = (int)Math.Min(households, 500);
        var body = Client.GraphQLBody($"{{ households(first: {n}) {{ nodes {{ id villageCode monitorType perCapitaNetIncome householdSize }} }} }}");
        var villageToken = c.Token("village", village);
        int Count(string json) => JsonNode.Parse(json)!["data"]!["households"]!["nodes"]!.AsArray().Count;
        var (v, k) = (Count((await GraphQL(c, body, villageToken)).Text), Count((await GraphQL(c, body, c.CountyToken)).Text));
        if (v != n || k != n)
        {
            c.Problems.Add($"scenario 5: village answered {v} rows, county {k}, expected {n}");
        }
        var (ours, baseline) = await Alternating.RunAsync(() => GraphQL(c, body, villageToken), () => GraphQL(c, body, c.CountyToken), c.Options,
            [c.Server.Pid]);
        var ratio = ours.Median / baseline.Median;
        return new ResultRow(5, $"village-role page of {n} households (village {village})", ResultRow.Ms(ours), "county role, same rows: "
            + ResultRow.Ms(baseline),
            Report.F(ratio, "0.00") + "x", "p50 ≤ 1.05x", Report.Yes(ratio <= 1.05));
    }

    // 6 ─ CSV export rows/s against sqlite3 -csv of the same view and columns; server peak RSS.
    private static async Task<ResultRow> ParquetExport(Context c) =>
        await ParquetExportScenario.RunAsync(c.Options, c.Client, c.Server, c.County, c.CountyToken, c.Problems);

    private static async Task<ResultRow> CsvExport(Context c) => await CsvExportScenario.RunAsync(c.Options, c.Client, c.Server, c.County, c.CountyToken,
        c.Output, c.Problems);

    // 7 ─ cold start to first answer; demo county generation (30,000 households).
    private static async Task<ResultRow> ColdStartAndGeneration(Context c, string outDir)
    {
        var starts = new List<double>();
        for (var i = 0; i < c.Options.ColdStarts; i++)
        {
            await using var server = BenchmarkServers.Start(c.County, Path.Combine(outDir, "server-cold.log"));
            starts.Add((await server.WaitForFirstAnswerAsync(c.Client, c.CountyToken, TimeSpan.FromMinutes(1))).TotalSeconds);
        }
        var clock = Stopwatch.StartNew();
        Warehouse.Generation.GenerationSummary summary;
        if (c.County.Provider == Warehouse.Data.DatabaseProvider.PostgreSql)
        {
            var demo = $"warehouse_bench_demo_{Environment.ProcessId}";
            summary = Warehouse.Benchmarks.County.GeneratePostgres(c.Options.PostgresConnection!, demo, c.Options.DemoHouseholds, 42, null);
            Warehouse.Benchmarks.County.DropPostgres(c.Options.PostgresConnection!, demo);
        }
        else
        {
            var demo = Path.Combine(outDir, $"demo-{Environment.ProcessId}.db");
            summary = Warehouse.Benchmarks.County.Generate(demo, c.Options.DemoHouseholds, 42, null);
            Warehouse.Benchmarks.County.Delete(demo);
        }
        var withMigrations = clock.Elapsed.TotalSeconds;
        var start = LoadRounds.Median(starts);
        var generation = summary.Elapsed.TotalSeconds;
        var generationTarget = c.Options.DemoHouseholds == 30_000 ? Report.Yes(generation <= 20) : "n/a (smoke size)";
        return new ResultRow(7, $"cold start to first answer; demo county generation ({c.Options.DemoHouseholds:N0} households)",
            $"start p50 {Report.F(start, "0.00")} s (n={starts.Count}, max {Report.F(starts.Max(), "0.00")} s); generation " +
                $"{Report.F(generation, "0.0")} s ({Report.F(withMigrations, "0.0")} s with migrations)",
            "none (absolute)", "n/a", "≤ 3 s; ≤ 20 s", $"{Report.Yes(start <= 3)}; {generationTarget}",
            "cold start = `dotnet Warehouse.Api.dll` process start → first GraphQL answer with data, county already migrated");
    }
}
