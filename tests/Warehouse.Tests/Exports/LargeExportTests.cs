using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Aggregation;
using Warehouse.Catalogue;
using Warehouse.Exports;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Exports;

/// <summary>
/// Issue 13, observation 1: every export path writes asynchronously, so output of any size reaches the client
/// whole. The test server refuses synchronous I/O as Kestrel does; before the fix the aggregate CSV stopped at
/// the first 16 K buffer flush ("Synchronous operations are disallowed").
/// </summary>
public sealed class LargeExportTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Aggregate_csv_over_16k_arrives_whole_with_its_bom()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client,
            "/export/aggregate/households.csv?groupBy=id&measures=count,avg.perCapitaNetIncome,sum.householdSize&bom=true&first=10000");
        Assert.True(response.Status == 200, response.Text);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), response.Body[..3]);
        Assert.True(response.Body.Length > 64 * 1024, $"{response.Body.Length} bytes");
        var rows = Rfc4180.Parse(response.Text.TrimStart('\uFEFF'));
        var expected = Sql.Strings(fixture.App.Database, "SELECT household_id FROM household ORDER BY household_id");
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal).ToList());
        output.WriteLine($"aggregate CSV over HTTP: {response.Body.Length:N0} bytes, {rows.Count - 1} groups");
    }

    [Fact]
    public async Task The_reported_aggregate_request_is_whole()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client,
            "/export/aggregate/households.csv?groupBy=villageCode,monitorType&measures=count,avg.perCapitaNetIncome&bom=true");
        Assert.True(response.Status == 200, response.Text);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), response.Body[..3]);
        var rows = Rfc4180.Parse(response.Text.TrimStart('\uFEFF'));
        var groups = Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM (SELECT 1 FROM household GROUP BY village_code, monitor_type)");
        Assert.Equal(groups, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(4, r.Count));
    }

    [Fact]
    public async Task Aggregate_writer_writes_megabytes_without_synchronous_io()
    {
        // A real result, its groups repeated to 5 MB: the writer must never write or flush synchronously.
        var engine = fixture.App.Services.GetRequiredService<AggregateEngine>();
        var access = await AccessFor(fixture.App, "county", fixture.County);
        var result = await engine.RunAsync(access, new AggregateRequest
        {
            Entity = WarehouseCatalogue.Default.FindByListField("households")!,
            GroupBy = ["id", "villageCode"],
            Measures = ["count", "avg.perCapitaNetIncome"],
            First = 10000,
        }, CancellationToken.None);
        var groups = Enumerable.Repeat(result.Groups, 60).SelectMany(g => g).ToList();
        var big = new AggregateResult { Keys = result.Keys, Measures = result.Measures, Groups = groups };
        var sink = new AsyncOnlyStream();
        await AggregateCsvWriter.WriteAsync(sink, big, new ExportOptions(Bom: true, Labels: false, Gzip: false), CancellationToken.None);
        Assert.True(sink.Written > 5_000_000, $"{sink.Written} bytes");
        output.WriteLine($"aggregate writer: {sink.Written:N0} bytes, {groups.Count:N0} groups, no synchronous I/O");
    }

    [Theory]
    [InlineData("households.jsonl")]
    [InlineData("households.csv")]
    public async Task Row_exports_write_megabytes_whole(string file)
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var response = await ExportHttp.GetAsync(client, "/export/" + file);
        Assert.True(response.Status == 200, response.Text);
        var households = Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM household");
        var lines = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(households + (file.EndsWith(".csv", StringComparison.Ordinal) ? 1 : 0), lines);
        Assert.True(response.Body.Length > 500_000, $"{response.Body.Length} bytes");
        output.WriteLine($"{file}: {response.Body.Length:N0} bytes, {households} rows");
    }

    [Fact]
    public async Task A_graph_response_of_megabytes_is_whole()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        var selection = "nodes { id countyCode townshipCode villageCode householdAttr monitorType riskTypes householdSize perCapitaNetIncome netIncome }";
        var aliases = string.Join(" ", Enumerable.Range(0, 6)
            .Select(i => $"a{i}: households(first: 500, order: [{{perCapitaNetIncome: {(i % 2 == 0 ? "ASC" : "DESC")}}}, {{id: ASC}}]) {{ {selection} }}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                query = "{ "
            + aliases + " }"
            })
        };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(200, (int)response.StatusCode);
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Null(json["errors"]);
        Assert.Equal(500, json["data"]!["a5"]!["nodes"]!.AsArray().Count);
        Assert.True(body.Length > 500_000, $"{body.Length} bytes");
        output.WriteLine($"graph response: {body.Length:N0} bytes");
    }

    private static async Task<Warehouse.Security.AccessContext> AccessFor(WarehouseApp app, string role, string region)
    {
        var resolver = app.Services.GetRequiredService<Warehouse.Security.AccessResolver>();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", $"large-{role}"), new(Warehouse.Security.LocalTokenIssuer.RoleClaim, role),
                new(Warehouse.Security.LocalTokenIssuer.RegionClaim, region)], "Bearer"));
        return (await resolver.ResolveAsync(principal, CancellationToken.None)).Access!;
    }
}
