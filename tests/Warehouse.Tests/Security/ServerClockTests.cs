using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Every time the server writes comes from its one clock (TimeProvider), so a test can set the date and the audit
/// trail, permission changes and registered documents all carry it. A write stamped from the system clock instead
/// would show here as today's date.
/// </summary>
public sealed class ServerClockTests : IDisposable
{
    private static readonly DateOnly Day = new(2031, 3, 4);
    private readonly WarehouseApp _app = new() { Clock = FixedClock.On(Day) };

    private string Stamp => Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "%";

    [Fact]
    public async Task Export_audit_records_carry_the_servers_date()
    {
        var county = _app.ClientFor("county", Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'COUNTY'")[0], user: "clock-export");
        using (var response = await county.GetAsync(new Uri("/export/households.csv", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        using (var response = await county.GetAsync(new Uri("/export/aggregate/households.csv?groupBy=townshipCode", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
        }
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-export' AND at NOT LIKE @d", ("@d", Stamp)));
        Assert.True(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-export' AND kind = 'EXPORT'") >= 2);
    }

    [Fact]
    public async Task Permission_changes_and_registered_documents_carry_the_servers_date()
    {
        var admin = _app.ClientFor("admin", null, user: "clock-admin");
        var matrix = await WarehouseApp.DataAsync(admin, "{ permissionMatrix(role: \"township\", type: \"Household\") { field version } }");
        var version = matrix["permissionMatrix"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "householdAttr")!["version"]!.GetValue<int>();
        await WarehouseApp.DataAsync(admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
            new { c = new[] { new { role = "township", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } } });
        await WarehouseApp.DataAsync(admin, "mutation($q: String!) { registerDocument(query: $q, name: \"clock\") { documentId } }",
            new { q = "{ households(first: 1) { nodes { id } } }" });

        Assert.Equal(1, Sql.Scalar(_app.Database,
            "SELECT COUNT(*) FROM sec_field_permission WHERE role = 'township' AND type_name = 'Household' AND field_name = 'householdAttr' AND " +
                "updated_at LIKE @d", ("@d", Stamp)));
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-admin' AND at NOT LIKE @d", ("@d", Stamp)));
        Assert.True(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-admin'") >= 1);
        Assert.Equal(1, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_persisted_document WHERE name = 'clock' AND created_at LIKE @d", ("@d", Stamp)));
    }

    public void Dispose() => _app.Dispose();
}
