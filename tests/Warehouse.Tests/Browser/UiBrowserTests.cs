using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Browser;

/// <summary>
/// The IDE and the permission console in headless Chromium against the real server. Each test has its own
/// server and database copy, so no test sees another's permission changes.
/// </summary>
[Trait("Category", TestCategories.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class UiBrowserTests
{
    [Theory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task The_ide_sends_nothing_before_sign_in_then_runs_an_example_and_shares_it_as_a_link_and_as_curl(int width)
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var village = Sql.Strings(app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1")[0];
            var township = Sql.Strings(app.Database, "SELECT parent_code FROM region WHERE code = $v", ("$v", village))[0];

            var result = await BrowserRunner.RunAsync("ide", url, $"township={township}", $"village={village}",
                "example=village-monitored-households.graphql", "operation=MyMonitoredHouseholds", $"width={width}");

            // First load: a "pick a role or paste a token" state, no request to /graphql, no console error, no 4xx.
            var first = result["beforeSignIn"]!.AsObject();
            Assert.Equal(0, first["graphql"]!.GetValue<int>());
            Assert.Empty(first["consoleErrors"]!.AsArray());
            Assert.Empty(first["failed"]!.AsArray());
            // Nothing failed all along (the favicon included), and nothing was logged as an error.
            Assert.Empty(result["failed"]!.AsArray());
            Assert.Empty(result["consoleErrors"]!.AsArray());

            Assert.False(result["hasErrors"]!.GetValue<bool>(), result["resultStart"]!.ToString());
            Assert.Contains("\"households\"", result["resultStart"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(result["tabs"]!.GetValue<int>() >= 2, "the example opens in a tab of its own");

            // The token lives in sessionStorage only.
            Assert.True(result["tokenStorage"]!["session"]!.GetValue<bool>());
            Assert.False(result["tokenStorage"]!["local"]!.GetValue<bool>());
            // One line at 1440 px for a village official (a line of the bar is about 35 px; two would be 70).
            var bar = result["barHeight"]!.GetValue<double>();
            if (width == 1440)
            {
                Assert.True(bar < 50, $"the top bar is {bar}px high at 1440px: it wraps");
            }

            // The link reproduces query, role and region, never the token.
            var link = result["link"]!.GetValue<string>();
            Assert.False(result["linkHasToken"]!.GetValue<bool>(), link);
            Assert.Contains("query=", link, StringComparison.Ordinal);
            Assert.Contains("role=village", link, StringComparison.Ordinal);
            Assert.Equal("village", result["linkRole"]!.GetValue<string>());
            Assert.Equal(village, result["linkRegion"]!.GetValue<string>());
            Assert.True(result["linkQueryShown"]!.GetValue<bool>());

            // Download as CSV: the whole list through /export with the query's where and order and its columns;
            // exactly this village's monitored households, in monitoredAt order (plain SQL, not the export code).
            var exportUrl = new Uri(result["exportUrl"]!.GetValue<string>());
            Assert.Equal("/export/households.csv", exportUrl.AbsolutePath);
            var exportQuery = Uri.UnescapeDataString(exportUrl.Query.Replace('+', ' '));
            Assert.Contains("where={\"monitorType\":{\"neq\":null},\"riskClearedAt\":{\"eq\":null}}", exportQuery, StringComparison.Ordinal);
            Assert.Contains("order=[{\"monitoredAt\":\"ASC\"}]", exportQuery, StringComparison.Ordinal);
            Assert.Contains("fields=id,address,phone,monitorType,riskTypes,monitoredAt,perCapitaNetIncome,safetyNet", exportQuery, StringComparison.Ordinal);
            var lines = result["csv"]!.GetValue<string>().TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))
                .ToList();
            Assert.StartsWith("id,address,phone,", lines[0], StringComparison.Ordinal);
            var expected = Sql.Strings(app.Database,
                "SELECT household_id FROM household WHERE village_code = $v AND monitor_type IS NOT NULL AND risk_cleared_at IS NULL ORDER BY " +
                "monitored_at, household_id", ("$v", village));
            Assert.True(expected.Count > 5, "the example's first: 5 must not limit the download; pick a village with more monitored households");
            Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[0]).ToList());

            // Copy as curl: $TOKEN unless asked; the command runs as it is.
            var curl = result["curl"]!.GetValue<string>();
            Assert.False(result["curlHasToken"]!.GetValue<bool>(), curl);
            Assert.Contains("$TOKEN", curl, StringComparison.Ordinal);
            Assert.True(result["curlWithTokenHasToken"]!.GetValue<bool>());
            var output = await RunCurlAsync(curl, app.Token("village", village, null));
            var body = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
            Assert.True(body["errors"] is null, output);
            Assert.Equal(Sql.Scalar(app.Database,
                "SELECT COUNT(*) FROM household WHERE village_code = $v AND monitor_type IS NOT NULL AND risk_cleared_at IS NULL", ("$v", village)),
                body["data"]!["households"]!["totalCount"]!.GetValue<long>());
        }
    }

    private static async Task<string> RunCurlAsync(string command, string token)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["TOKEN"] = token;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, $"curl failed: {await stderr}");
        return await stdout;
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task The_matrix_offers_only_what_a_field_allows_and_keeps_headers_and_the_village_column_in_view(int width)
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var result = await BrowserRunner.RunAsync("admin-layout", url, $"width={width}");

            Assert.True(result["tokenStorage"]!["session"]!.GetValue<bool>());
            Assert.False(result["tokenStorage"]!["local"]!.GetValue<bool>());
            Assert.Equal(["FULL", "HIDDEN"], result["noMask"]!.AsArray().Select(o => o!.GetValue<string>()));
            Assert.Contains("MASKED", result["masked"]!.AsArray().Select(o => o!.GetValue<string>()));
            Assert.Contains("Household.householdSize has no mask", result["restriction"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.False(result["pendingCoversHeaders"]!.GetValue<bool>(), "the pending-changes panel covers the role headers");
            Assert.True(result["scrolledTop"]!.GetValue<double>() > 0, "the matrix did not scroll");
            Assert.All(result["headersVisibleAfterScroll"]!.AsArray(), v => Assert.True(v!.GetValue<bool>(), "a role header is gone after scrolling"));
            Assert.True(result["villageReachable"]!.GetValue<bool>(), "the village column cannot be reached");
            Assert.True(result["firstColumnVisible"]!.GetValue<bool>(), "the field column is gone when the village column is in view");
            Assert.Empty(result["consoleErrors"]!.AsArray());
        }
    }

    [Fact]
    public async Task The_console_hides_a_field_from_the_village_role_and_the_api_reflects_it()
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var village = app.ClientFor("village", Sql.Strings(app.Database, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")[0]);
            const string Query = "{ households(first: 1) { nodes { householdAttr } } }";
            await WarehouseApp.DataAsync(village, Query);

            var result = await BrowserRunner.RunAsync("admin-hide", url, "role=village", "type=Household", "field=householdAttr", "access=HIDDEN");

            Assert.Equal("HIDDEN", result["after"]!.GetValue<string>());
            // The audit trail shows the change as a table: before and after of access, the role alongside.
            Assert.Equal([result["before"]!.GetValue<string>(), "HIDDEN"], result["auditAccess"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.Equal(["village", "village"], result["auditRole"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.False(result["auditHasJson"]!.GetValue<bool>(), "the audit details are raw JSON");
            // The schema preview follows the change: gone from the village's Household, still in the county's.
            static List<string> Fields(string sdl) => GraphQLParser.Parser.Parse(sdl).Definitions.OfType<GraphQLParser.AST.GraphQLObjectTypeDefinition>()
                .Single(d => d.Name.StringValue == "Household").Fields!.Select(f => f.Name.StringValue).ToList();
            Assert.DoesNotContain("householdAttr", Fields(result["villageSdl"]!.GetValue<string>()));
            Assert.Contains("householdAttr", Fields(result["countySdl"]!.GetValue<string>()));
            Assert.Contains("phone", Fields(result["villageSdl"]!.GetValue<string>()));
            var after = await WarehouseApp.PostAsync(village, Query, expectStatus: 400);
            Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(after));
            var type = await WarehouseApp.DataAsync(village, "{ __type(name: \"Household\") { fields { name } } }");
            Assert.DoesNotContain("householdAttr", type["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
            // The other roles keep it.
            await WarehouseApp.DataAsync(app.ClientFor("county", "139901000000"), Query);
        }
    }

    [Fact]
    public async Task A_bulk_edit_sets_a_whole_type_for_one_role_skips_what_a_field_does_not_allow_and_saves_once()
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            const string Cells = "FROM sec_field_permission WHERE role = 'village' AND type_name = 'Workshop'";
            var total = Sql.Scalar(app.Database, $"SELECT COUNT(*) {Cells}");
            var toChange = Sql.Scalar(app.Database, $"SELECT COUNT(*) {Cells} AND field_name <> 'id' AND access <> 'HIDDEN'");
            var othersBefore = Sql.Scalar(app.Database,
                "SELECT SUM(version) FROM sec_field_permission WHERE NOT (role = 'village' AND type_name = 'Workshop')");

            var result = await BrowserRunner.RunAsync("admin-bulk", url, "type=Workshop", "role=village", "access=HIDDEN");

            // The key (id) must stay FULL: skipped, never sent.
            Assert.Equal(1, result["skipped"]!.GetValue<long>());
            Assert.Equal(total - 1, result["set"]!.GetValue<long>());
            Assert.Equal(toChange, result["pending"]!.GetValue<long>());
            Assert.Equal(0, result["otherRolesPending"]!.GetValue<long>());
            Assert.Equal(0, Sql.Scalar(app.Database, $"SELECT COUNT(*) {Cells} AND field_name <> 'id' AND access <> 'HIDDEN'"));
            Assert.Equal("FULL", Sql.Text(app.Database, $"SELECT access {Cells} AND field_name = 'id'"));
            Assert.Equal(toChange,
                Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'PERMISSION_CHANGE' AND type_name = 'Workshop'"));
            Assert.Equal(othersBefore,
                Sql.Scalar(app.Database, "SELECT SUM(version) FROM sec_field_permission WHERE NOT (role = 'village' AND type_name = 'Workshop')"));
        }
    }

    [Fact]
    public async Task The_matrix_round_trips_as_json_and_an_import_over_newer_cells_is_refused_as_stale()
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var cellCount = Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_field_permission");
            var versionsBefore = Sql.Scalar(app.Database, "SELECT SUM(version) FROM sec_field_permission");
            Assert.Equal("FULL",
                Sql.Text(app.Database,
                "SELECT access FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='householdAttr'"));
            Assert.Equal("FULL",
                Sql.Text(app.Database, "SELECT access FROM sec_field_permission WHERE role='county' AND type_name='Member' AND field_name='education'"));

            var result = await BrowserRunner.RunAsync("admin-roundtrip", url, "changes=village|Household|householdAttr|HIDDEN;county|Member|education|HIDDEN");

            Assert.Equal(cellCount, result["exportedCells"]!.GetValue<long>());
            Assert.Equal(2, result["imported"]!.GetValue<int>());
            Assert.Equal(["county|Member|education", "village|Household|householdAttr"], result["pending"]!.AsArray().Select(p => p!.GetValue<string>())
                .Order(StringComparer.Ordinal));
            Assert.Equal(2, result["reimported"]!.GetValue<int>());
            Assert.Contains("you edited version 1", result["conflict"]!.GetValue<string>(), StringComparison.Ordinal);
            // The console lists the server's details (extensions.details), one stale cell per line.
            var items = result["conflictItems"]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, items.Count);
            Assert.StartsWith("county Member.education: you edited version 1", items[0], StringComparison.Ordinal);
            Assert.StartsWith("village Household.householdAttr: you edited version 1", items[1], StringComparison.Ordinal);
            // Only the first import was applied: the two cells, once each.
            Assert.Equal("HIDDEN",
                Sql.Text(app.Database,
                "SELECT access FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='householdAttr'"));
            Assert.Equal("HIDDEN",
                Sql.Text(app.Database, "SELECT access FROM sec_field_permission WHERE role='county' AND type_name='Member' AND field_name='education'"));
            Assert.Equal(versionsBefore + 2, Sql.Scalar(app.Database, "SELECT SUM(version) FROM sec_field_permission"));
        }
    }

    [Fact]
    public async Task A_save_against_a_stale_version_shows_the_conflict_and_reload_shows_the_current_cell()
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var result = await BrowserRunner.RunAsync("admin-stale", url, "role=county", "type=Household", "field=phone");

            Assert.Contains("county Household.phone", result["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(result["other"]!.GetValue<string>(), result["reloaded"]!.GetValue<string>());
            // Only the other admin's change was applied.
            Assert.Equal(result["other"]!.GetValue<string>(),
                Sql.Text(app.Database, "SELECT access FROM sec_field_permission WHERE role='county' AND type_name='Household' AND field_name='phone'"));
            Assert.Equal(result["versionBefore"]!.GetValue<long>() + 1, Sql.Scalar(app.Database,
                "SELECT version FROM sec_field_permission WHERE role='county' AND type_name='Household' AND field_name='phone'"));
        }
    }
}
