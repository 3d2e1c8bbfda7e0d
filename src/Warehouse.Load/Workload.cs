using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Warehouse.Security;

namespace Warehouse.Load;

/// <summary>One kind of request in the mix: who sends it and what it asks.</summary>
internal sealed record Scenario(string Name, int Weight, string Role, Func<Random, Identity, (string Query, object? Variables)> Build, bool Pages = false);

/// <summary>A caller: role, region and a token minted by the local issuer.</summary>
internal sealed record Identity(string Role, string Region, string Token);

/// <summary>
/// The mix a load run sends: county, township and village callers; lists with filters, nested lists, lookups
/// by id and cursor paging. Regions and ids are read from the server once before the run.
/// </summary>
internal sealed class Workload
{
    public const string CountyCode = "139901000000";

    private readonly Scenario[] _scenarios;
    private readonly int _totalWeight;

    private Workload(IReadOnlyList<Identity> counties, IReadOnlyList<Identity> townships, IReadOnlyList<Identity> villages, IReadOnlyList<string> householdIds)
    {
        Counties = counties;
        Townships = townships;
        Villages = villages;
        HouseholdIds = householdIds;
        _scenarios =
        [
            new("county: households below 8,500 (filter, 50 rows)", 20, "county", (r, _) => (
                "query($max: Decimal) { households(first: 50, where: {perCapitaNetIncome: {lt: $max}}, order: [{perCapitaNetIncome: ASC}]) { " +
                    "totalCount nodes { id villageCode householdSize perCapitaNetIncome monitorType } } }",
                new { max = 6000 + r.Next(0, 5000) })),
            new("township: monitored households with members (nested)", 15, "township", (_, _) => (
                "{ households(first: 20, where: {monitorType: {neq: null}}) { totalCount nodes { id monitorType riskTypes members { id relation " +
                    "gender workStatus } } } }", null)),
            new("village: households with members and assistance", 15, "village", (_, _) => (
                "{ households(first: 30) { totalCount nodes { id address phone householdSize members { id name relation } assistance { id category " +
                    "amount } } } }", null)),
            new("county: household by id (lookup)", 15, "county", (r, _) => (
                "query($id: String!) { household(id: $id) { id villageCode netIncome members { id relation birthDate } village { code name } } }",
                new { id = householdIds[r.Next(householdIds.Count)] })),
            new("county: paging 3 pages of 50 (cursor)", 10, "county", (_, _) => (
                "query($after: String) { households(first: 50, after: $after, order: [{householdSize: DESC}]) { pageInfo { hasNextPage endCursor } " +
                    "nodes { id householdSize } } }", null), Pages: true),
            new("county: region tree", 5, "county", (_, _) => (
                "{ region(code: \"" + CountyCode + "\") { code name children { code name children { code name isExitedVillage } } } }", null)),
            new("county: projects with site", 5, "county", (_, _) => (
                "{ projects(first: 20, order: [{year: DESC}]) { totalCount nodes { code name year totalInvest site { code name } } } }", null)),
            new("township: assistance over 1,000", 10, "township", (_, _) => (
                "{ assistance(first: 50, where: {amount: {gt: 1000}}) { totalCount nodes { id category item amount } } }", null)),
            new("village: members by work status", 5, "village", (_, _) => (
                "{ members(first: 50, where: {workStatus: {neq: null}}) { totalCount nodes { id name relation workStatus jobs { id empForm } } } }", null)),
        ];
        _totalWeight = _scenarios.Sum(s => s.Weight);
    }

    public IReadOnlyList<Identity> Counties { get; }
    public IReadOnlyList<Identity> Townships { get; }
    public IReadOnlyList<Identity> Villages { get; }
    public IReadOnlyList<string> HouseholdIds { get; }
    public IReadOnlyList<Scenario> Scenarios => _scenarios;

    public Scenario Pick(Random random)
    {
        var n = random.Next(_totalWeight);
        foreach (var s in _scenarios)
        {
            if ((n -= s.Weight) < 0)
            {
                return s;
            }
        }
        return _scenarios[^1];
    }

    public Identity Caller(Scenario scenario, Random random)
    {
        var pool = scenario.Role switch
        {
            "township" => Townships,
            "village" => Villages,
            _ => Counties,
        };
        return pool[random.Next(pool.Count)];
    }

    /// <summary>Reads townships, villages with households, and household ids from the server as the county.</summary>
    public static async Task<Workload> DiscoverAsync(HttpClient http, LocalTokenIssuer issuer, CancellationToken ct)
    {
        Identity Mint(string role, string region, int n) =>
            new(role, region, issuer.Issue($"load-{role}-{n}", role, region, TimeSpan.FromHours(2)));
        var county = Mint("county", CountyCode, 0);
        var data = await QueryAsync(http, county.Token,
            "{ townships: regions(first: 100, where: {level: {eq: TOWNSHIP}}) { nodes { code } } " +
            "villages: households(first: 500, order: [{perCapitaNetIncome: ASC}]) { nodes { id villageCode } } }", ct);
        var townships = data["townships"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
        var households = data["villages"]!["nodes"]!.AsArray().ToList();
        var ids = households.Select(n => n!["id"]!.GetValue<string>()).ToList();
        var villages = households.Select(n => n!["villageCode"]!.GetValue<string>()).Distinct().Take(100).ToList();
        if (townships.Count == 0 || villages.Count == 0 || ids.Count == 0)
        {
            throw new InvalidOperationException("The server has no townships, villages or households to load; seed it first.");
        }
        return new Workload(
            [.. Enumerable.Range(0, 8).Select(i => Mint("county", CountyCode, i))],
            [.. townships.Select((t, i) => Mint("township", t, i))],
            [.. villages.Select((v, i) => Mint("village", v, i))],
            ids);
    }

    private static async Task<JsonObject> QueryAsync(HttpClient http, string token, string query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
        if (!response.IsSuccessStatusCode || body["errors"] is not null)
        {
            throw new InvalidOperationException($"Discovery query failed (HTTP {(int)response.StatusCode}): {body.ToJsonString()}");
        }
        return body["data"]!.AsObject();
    }
}
