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
    [Fact]
    public async Task The_ide_runs_an_example_query_as_a_village_official_and_shows_the_result()
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var village = Sql.Strings(app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1")[0];
            var township = Sql.Strings(app.Database, "SELECT parent_code FROM region WHERE code = $v", ("$v", village))[0];

            var result = await BrowserRunner.RunAsync("ide", url, $"township={township}", $"village={village}",
                "example=village-monitored-households.graphql", "operation=MyMonitoredHouseholds");

            Assert.False(result["hasErrors"]!.GetValue<bool>(), result["resultStart"]!.ToString());
            Assert.Contains("\"households\"", result["resultStart"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(result["tabs"]!.GetValue<int>() >= 2, "the example opens in a tab of its own");
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
            var after = await WarehouseApp.PostAsync(village, Query, expectStatus: 400);
            Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(after));
            var type = await WarehouseApp.DataAsync(village, "{ __type(name: \"Household\") { fields { name } } }");
            Assert.DoesNotContain("householdAttr", type["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
            // The other roles keep it.
            await WarehouseApp.DataAsync(app.ClientFor("county", "139901000000"), Query);
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
            Assert.Equal(result["other"]!.GetValue<string>(), Sql.Text(app.Database, "SELECT access FROM sec_field_permission WHERE role='county' AND type_name='Household' AND field_name='phone'"));
            Assert.Equal(result["versionBefore"]!.GetValue<long>() + 1, Sql.Scalar(app.Database, "SELECT version FROM sec_field_permission WHERE role='county' AND type_name='Household' AND field_name='phone'"));
        }
    }

    [Fact]
    public async Task A_change_the_server_refuses_is_shown_next_to_the_cell()
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var result = await BrowserRunner.RunAsync("admin-invalid", url, "role=village", "type=Household", "field=householdSize", "access=MASKED");

            Assert.Contains("Household.householdSize has no mask", result["cellError"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotEqual("MASKED", Sql.Text(app.Database, "SELECT access FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='householdSize'"));
        }
    }
}
