using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Observability;

/// <summary>Metrics are scrapeable and the request log says who, what and how long, never which person.</summary>
public sealed class ObservabilityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Request_log_has_ids_role_timing_rows_and_codes_but_no_personal_data()
    {
        var village = fixture.Village;
        var name = Sql.Strings(fixture.App.Database, "SELECT name FROM member WHERE village_code = @v ORDER BY member_id LIMIT 1", ("@v", village))[0];
        var client = fixture.App.ClientFor("village", village, user: "log-tester");
        await WarehouseApp.DataAsync(client, "query Roster { members(first: 5, order: [{id: ASC}]) { nodes { id name idNumber } } }");
        await WarehouseApp.PostAsync(client, "{ households(after: \"bad\") { totalCount } }");
        var lines = fixture.App.SqlLog.Requests.Where(l => l.Contains("user=log-tester", StringComparison.Ordinal)).ToList();
        var roster = Assert.Single(lines, l => l.Contains("operation=Roster", StringComparison.Ordinal));
        Assert.Contains("role=village", roster, StringComparison.Ordinal);
        Assert.Contains("rows=5", roster, StringComparison.Ordinal);
        Assert.Contains("errors=-", roster, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("errors=INVALID_CURSOR", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(name, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_endpoint_exposes_request_database_row_and_error_metrics()
    {
        var client = fixture.App.ClientFor("county", fixture.County);
        await WarehouseApp.DataAsync(client, "{ households(first: 3) { nodes { id } } }");
        await WarehouseApp.PostAsync(client, "{ households(first: -1) { nodes { id } } }");
        var text = await fixture.App.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("warehouse_graphql_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("warehouse_db_command_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("warehouse_rows_returned", text, StringComparison.Ordinal);
        Assert.Contains("code=\"INVALID_PAGING\"", text, StringComparison.Ordinal);
    }
}
