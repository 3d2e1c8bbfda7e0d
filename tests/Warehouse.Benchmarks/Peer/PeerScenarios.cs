using System.Net;
using Warehouse.Tooling;

namespace Warehouse.Benchmarks.Peer;

/// <summary>
/// --peer: scenarios 1 (the page of 50 households with members, p50) and 4 (the simple query, 32 clients,
/// throughput) against PostGraphile 5 over the same PostgreSQL database, ours and the peer alternately in one run.
/// Before timing, each pair of answers must hold the same rows (households and members, in order) for the county
/// role, whose scope is the whole county; a difference is a problem of the run, as a baseline's is.
/// </summary>
internal static class PeerScenarios
{
    /// <summary>What the measurements need: the suite's client, our server with a county token, and the peer.</summary>
    internal sealed record Sides(BenchmarkOptions Options, Client Client, ServerProcess Ours, string CountyToken, ServerProcess Peer, List<string> Problems);

    public static async Task<ResultRow> PageAsync(Sides s)
    {
        var ours = Client.GraphQLBody(Queries.PageWithMembers);
        var peer = Client.GraphQLBody(PeerQueries.Page(Queries.PageBelowYuan * 100L, Queries.PageMonitorType, PeerQueries.AdultBornBy(DateTime.UtcNow)));
        var check = Check(s, 1, (await Post(s, s.Ours, ours, s.CountyToken)).Text, PeerQueries.OurPage, (await Post(s, s.Peer, peer, null)).Text,
            PeerQueries.PeerPage);
        var (a, b) = await Alternating.RunAsync(() => Post(s, s.Ours, ours, s.CountyToken), () => Post(s, s.Peer, peer, null), s.Options,
            [s.Ours.Pid]);
        var ratio = a.Median / b.Median;
        return new ResultRow(1, "page of 50 households (filter income + monitorType, order income, 8 fields, members)", ResultRow.Ms(a),
            "PostGraphile: " + ResultRow.Ms(b), Report.Ratio(a.Median, b.Median), "p50 ≤ 1.00x", Report.Yes(ratio <= 1.0), check);
    }

    public static async Task<ResultRow> ThroughputAsync(Sides s)
    {
        const int clients = 32;
        var ours = Client.GraphQLBody(Queries.Simple);
        var peer = Client.GraphQLBody(PeerQueries.Simple);
        var check = Check(s, 4, (await Post(s, s.Ours, ours, s.CountyToken)).Text, PeerQueries.OurSimple, (await Post(s, s.Peer, peer, null)).Text,
            PeerQueries.PeerSimple);
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        var (a, b) = await LoadRounds.AlternateAsync(() => Post(s, s.Ours, ours, s.CountyToken), () => Post(s, s.Peer, peer, null), clients, s.Options,
            failures);
        var (o, p) = (LoadRounds.Median(a), LoadRounds.Median(b));
        return new ResultRow(4, $"throughput, {clients} concurrent clients, households(first: 10) 3 fields",
            Report.F(o, "0") + " req/s", "PostGraphile: " + Report.F(p, "0") + " req/s", Report.Ratio(o, p), "≥ 1.00x", Report.Yes(o / p >= 1.0),
            $"{check}; median of {a.Count} rounds of {s.Options.ThroughputRound.TotalSeconds:0.#} s"
            + (failures.Count == 0 ? "" : "; failed requests (not counted): " + string.Join(", ", failures.Select(f => $"{f.Key} × {f.Value}"))));
    }

    /// <summary>Compares the rows of the two answers; returns the note for the table ("same rows: 50 households, 118 members").</summary>
    private static string Check(Sides s, int scenario, string ours, PeerComparison.Shape ourShape, string peer, PeerComparison.Shape peerShape)
    {
        var (a, b) = (PeerComparison.Rows(ours, ourShape), PeerComparison.Rows(peer, peerShape));
        if (PeerComparison.Difference(a, b) is { } difference)
        {
            s.Problems.Add($"peer scenario {scenario}: the peer's rows differ from ours: {difference}");
            return "rows differ: " + difference;
        }
        var (rows, children) = PeerComparison.Count(a);
        return ourShape.Children is null ? $"same rows: {rows} households" : $"same rows: {rows} households, {children} members";
    }

    private static async Task<Client.Response> Post(Sides s, ServerProcess server, byte[] body, string? token)
    {
        var response = await s.Client.PostAsync(server, "/graphql", body, token);
        if (response.Status != HttpStatusCode.OK || response.Text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{(token is null ? "the peer" : "GraphQL")} answered {(int)response.Status}: "
                + (response.Text.Length > 400 ? response.Text[..400] + "…" : response.Text));
        }
        return response;
    }
}
