using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// A refused admin change lists its problems, one per cell, in the error's <c>extensions.details</c> — where the
/// console (and docs/querying.md) read them — not only inside the message.
/// </summary>
public sealed class AdminErrorDetailsTests : IDisposable
{
    private readonly WarehouseApp _app = new();
    private HttpClient Admin => _app.ClientFor("admin", null, user: "admin-details");
    private const string Set = "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }";

    private int Version(string role, string type, string field) => Convert.ToInt32(Sql.Scalar(_app.Database,
        "SELECT version FROM sec_field_permission WHERE role = @r AND type_name = @t AND field_name = @f", ("@r", role), ("@t", type), ("@f", field)));

    private static List<string> Details(JsonObject body)
    {
        var extensions = body["errors"]![0]!["extensions"]!.AsObject();
        Assert.False(extensions.ContainsKey("data"), "details leaked into extensions.data: " + extensions.ToJsonString());
        return extensions["details"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task An_invalid_change_lists_each_problem_in_extensions_details()
    {
        var size = Version("village", "Household", "householdSize");
        var phone = Version("village", "Household", "phone");
        var body = await WarehouseApp.PostAsync(Admin, Set, new
        {
            c = new object[]
            {
                new { role = "village", type = "Household", field = "householdSize", access = "MASKED", expectedVersion = size },
                new { role = "village", type = "Household", field = "nosuchField", access = "HIDDEN", expectedVersion = 1 },
                new { role = "village", type = "Household", field = "phone", access = "MASKED", expectedVersion = phone },
            },
        }, expectStatus: null);

        Assert.Equal("INVALID_PERMISSION", WarehouseApp.FirstErrorCode(body));
        var details = Details(body);
        Assert.Equal(2, details.Count);
        Assert.Contains("Household.householdSize", details[0], StringComparison.Ordinal);
        Assert.Contains("has no mask", details[0], StringComparison.Ordinal);
        Assert.Contains("nosuchField", details[1], StringComparison.Ordinal);
        // The message still carries the same list, for clients that read only messages.
        Assert.EndsWith(string.Join("; ", details), body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(size, Version("village", "Household", "householdSize"));
        Assert.Equal(phone, Version("village", "Household", "phone"));
    }

    [Fact]
    public async Task A_stale_save_lists_each_stale_cell_in_extensions_details()
    {
        var size = Version("county", "Household", "householdSize");
        var phone = Version("county", "Household", "phone");
        var body = await WarehouseApp.PostAsync(Admin, Set, new
        {
            c = new object[]
            {
                new { role = "county", type = "Household", field = "householdSize", access = "HIDDEN", expectedVersion = size + 1 },
                new { role = "county", type = "Household", field = "phone", access = "HIDDEN", expectedVersion = phone },
            },
        }, expectStatus: null);

        Assert.Equal("STALE_VERSION", WarehouseApp.FirstErrorCode(body));
        var details = Details(body);
        var stale = Assert.Single(details);
        Assert.Contains("householdSize", stale, StringComparison.Ordinal);
        Assert.Equal(size, Version("county", "Household", "householdSize"));
        Assert.Equal(phone, Version("county", "Household", "phone"));
    }

    [Fact]
    public async Task An_error_without_details_has_no_details_extension()
    {
        var body = await WarehouseApp.PostAsync(Admin, Set, new { c = Array.Empty<object>() }, expectStatus: null);
        Assert.Equal("INVALID_PERMISSION", WarehouseApp.FirstErrorCode(body));
        Assert.False(body["errors"]![0]!["extensions"]!.AsObject().ContainsKey("details"));
    }

    public void Dispose() => _app.Dispose();
}
