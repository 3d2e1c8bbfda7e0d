using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Browser;

/// <summary>
/// The IDE's explorer plugin and Explain panel in headless Chromium, as a village official whose role has a field
/// hidden: the explorer offers only what the role's introspection has, and Explain shows the statements the built
/// query ran with each one's plan and no value.
/// </summary>
[Trait("Category", TestCategories.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class IdeExplorerBrowserTests
{
    [Theory]
    [InlineData(1440)]
    [InlineData(800)]
    public async Task The_explorer_offers_only_the_roles_fields_and_explain_shows_statements_and_plans(int width)
    {
        var (app, url) = BrowserRunner.StartServer();
        using (app)
        {
            var village = Sql.Strings(app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1")[0];
            var township = Sql.Strings(app.Database, "SELECT parent_code FROM region WHERE code = $v", ("$v", village))[0];
            var admin = app.ClientFor("admin", null, user: "admin-explorer");
            var version = Sql.Scalar(app.Database,
                "SELECT version FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='householdAttr'");
            await WarehouseApp.DataAsync(admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
                new { c = new[] { new { role = "village", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } } });
            // Still offered to the county, so its absence below is the role's doing, not the schema's.
            var county = await WarehouseApp.DataAsync(app.ClientFor("county", "139901000000"), "{ __type(name: \"Household\") { fields { name } } }");
            Assert.Contains(county["__type"]!["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "householdAttr");

            var result = await BrowserRunner.RunAsync("ide-explorer", url, $"township={township}", $"village={village}", "visible=householdSize",
                $"width={width}");

            var offered = result["offered"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Contains("householdSize", offered);
            Assert.Contains("address", offered);
            Assert.DoesNotContain("householdAttr", offered);
            var built = result["built"]!.GetValue<string>();
            Assert.Contains("households", built, StringComparison.Ordinal);
            Assert.Contains("householdSize", built, StringComparison.Ordinal);
            Assert.False(result["resultHasErrors"]!.GetValue<bool>());

            // Explain: the page and the count as SQL, each planned by SQLite; no value from the data on screen.
            var statements = result["statements"]!.AsArray().Select(s => s!.AsObject()).ToList();
            var reads = statements.Where(s => s["sql"]!.GetValue<string>().Contains("api_households", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(reads);
            Assert.Contains(reads, s => s["sql"]!.GetValue<string>().Contains("household_size", StringComparison.Ordinal));
            Assert.All(reads, s => Assert.Matches("SCAN|SEARCH", s["plan"]!.GetValue<string>()));
            var panel = result["panelText"]!.GetValue<string>();
            Assert.DoesNotContain(village, panel, StringComparison.Ordinal);
            Assert.All(Sql.Strings(app.Database, "SELECT household_id FROM household WHERE village_code = $v", ("$v", village)),
                id => Assert.DoesNotContain(id, panel, StringComparison.Ordinal));
            Assert.Equal(1, Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'EXPLAIN' AND user_id = $u",
                ("$u", $"dev-village-{village}")));
            Assert.Empty(result["failed"]!.AsArray());
            Assert.Empty(result["consoleErrors"]!.AsArray());
        }
    }
}
