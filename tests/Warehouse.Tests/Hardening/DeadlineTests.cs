using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// The timeout holds: a request over its limit is answered 504 QUERY_TIMEOUT within a second of the limit, and the
/// work behind it stops too — the SQLite statement is interrupted, not left to run to its end (it used to answer
/// 11 s late, with a core busy throughout). The cost limits are lifted here so the expensive requests run at all.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed partial class DeadlineTests(ITestOutputHelper output)
{
    private const double Limit = 2;
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private static WarehouseApp Unbounded() => new(
        ("Warehouse:Limits:TimeoutSeconds", Limit.ToString(CultureInfo.InvariantCulture)),
        ("Warehouse:Limits:MaxFilterCost", "1e18"),
        ("Warehouse:Limits:MaxComplexity", "1e18"),
        ("Warehouse:Limits:MaxIntrospectionDepth", "64"));

    [Fact]
    public async Task A_long_database_statement_is_answered_and_stopped_within_a_second_of_the_limit()
    {
        using var app = Unbounded();
        var county = app.ClientFor("county", "139901000000");
        await WarehouseApp.DataAsync(county, "{ regions(first: 1) { totalCount } }");
        var clock = Stopwatch.StartNew();
        using var response = await county.PostAsJsonAsync("/graphql", new
        {
            query = "query($w: MemberFilterInput) { members(where: $w, first: 1) { totalCount } }",
            variables = new { w = JsonDocument.Parse(CostModelTests.RelationChain()).RootElement },
        });
        clock.Stop();
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"database-bound: 504 after {clock.Elapsed.TotalMilliseconds:F0} ms for a {Limit} s limit");
        Assert.True(response.StatusCode == HttpStatusCode.GatewayTimeout, text);
        Assert.Contains("QUERY_TIMEOUT", text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(Limit) + Margin, $"answered {clock.Elapsed.TotalMilliseconds:F0} ms after the request");

        // EF Core logs the interrupted statement with the time it ran: it stopped at the limit, not at its end.
        var stopped = await WaitFor(() => app.SqlLog.Failures.Select(Duration).Where(d => d is not null).Max());
        output.WriteLine($"database-bound: the statement stopped after {stopped?.TotalMilliseconds:F0} ms");
        Assert.True(stopped is { } d && d <= TimeSpan.FromSeconds(Limit) + Margin, $"statement ran {stopped?.TotalMilliseconds} ms: {string.Join(" | ", app.SqlLog.Failures)}");
        await WarehouseApp.DataAsync(county, "{ regions(first: 1) { totalCount } }");
    }

    [Fact]
    public async Task A_cpu_bound_execution_is_answered_within_a_second_of_the_limit()
    {
        using var app = Unbounded();
        var county = app.ClientFor("county", "139901000000");
        await WarehouseApp.DataAsync(county, "{ regions(first: 1) { totalCount } }");
        // No database at all: 10^5 expanded selections for every type of the schema, resolved in memory.
        var clock = Stopwatch.StartNew();
        using var response = await county.PostAsJsonAsync("/graphql", new { query = CostModelTests.IntrospectionBomb(5) });
        clock.Stop();
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"cpu-bound: {(int)response.StatusCode} after {clock.Elapsed.TotalMilliseconds:F0} ms for a {Limit} s limit");
        Assert.True(response.StatusCode == HttpStatusCode.GatewayTimeout, text[..Math.Min(400, text.Length)]);
        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(Limit) + Margin, $"answered {clock.Elapsed.TotalMilliseconds:F0} ms after the request");
        await WarehouseApp.DataAsync(county, "{ regions(first: 1) { totalCount } }");
    }

    private static async Task<T?> WaitFor<T>(Func<T?> probe)
    {
        for (var i = 0; i < 50; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        return default;
    }

    private static TimeSpan? Duration(string line) =>
        FailedAfter().Match(line) is { Success: true } m
            ? TimeSpan.FromMilliseconds(double.Parse(m.Groups["ms"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))
            : null;

    [GeneratedRegex(@"Failed executing DbCommand \((?<ms>[\d,]+)ms\)")]
    private static partial Regex FailedAfter();
}
