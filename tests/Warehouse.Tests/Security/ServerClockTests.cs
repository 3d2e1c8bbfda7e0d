using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Every time the server writes comes from its one clock (TimeProvider), so a test can set the date and the audit
/// trail, permission changes and registered documents all carry it. A write stamped from the system clock instead
/// would show here as today's date.
/// </summary>
public sealed class ServerClockTests
{
    private static readonly DateOnly Day = new(2031, 3, 4);

    /// <summary>
    /// The day as SQL compares it with <c>date(stamp)</c>: a function both providers have (SQLite reads the stored
    /// ISO text, PostgreSQL casts its timestamptz in the session's zone; the clock reads noon UTC, the same day in any zone).
    /// </summary>
    private static string Stamp => Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static WarehouseApp AppOn(DatabaseProvider provider) => new(provider) { Clock = FixedClock.On(Day) };

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Export_audit_records_carry_the_servers_date(DatabaseProvider provider)
    {
        using var app = AppOn(provider);
        var county = app.ClientFor("county", Sql.Strings(app.Database, "SELECT code FROM region WHERE level = 'COUNTY'")[0], user: "clock-export");
        using (var response = await county.GetAsync(new Uri("/export/households.csv", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        using (var response = await county.GetAsync(new Uri("/export/aggregate/households.csv?groupBy=townshipCode", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
        }
        Assert.Equal(0, Sql.Scalar(app.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-export' AND (date(at) IS NULL OR date(at) <> @d)", ("@d", Stamp)));
        Assert.True(Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-export' AND kind = 'EXPORT'") >= 2);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Permission_changes_and_registered_documents_carry_the_servers_date(DatabaseProvider provider)
    {
        using var app = AppOn(provider);
        var admin = app.ClientFor("admin", null, user: "clock-admin");
        var matrix = await WarehouseApp.DataAsync(admin, "{ permissionMatrix(role: \"township\", type: \"Household\") { field version } }");
        var version = matrix["permissionMatrix"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "householdAttr")!["version"]!.GetValue<int>();
        await WarehouseApp.DataAsync(admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
            new { c = new[] { new { role = "township", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } } });
        await WarehouseApp.DataAsync(admin, "mutation($q: String!) { registerDocument(query: $q, name: \"clock\") { documentId } }",
            new { q = "{ households(first: 1) { nodes { id } } }" });

        Assert.Equal(1, Sql.Scalar(app.Database,
            "SELECT COUNT(*) FROM sec_field_permission WHERE role = 'township' AND type_name = 'Household' AND field_name = 'householdAttr' AND " +
                "date(updated_at) = @d", ("@d", Stamp)));
        Assert.Equal(0, Sql.Scalar(app.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-admin' AND (date(at) IS NULL OR date(at) <> @d)", ("@d", Stamp)));
        Assert.True(Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'clock-admin'") >= 1);
        Assert.Equal(1, Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_persisted_document WHERE name = 'clock' AND date(created_at) = @d", ("@d", Stamp)));
    }
}
