using System.Text.Json.Nodes;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// The choices the matrix offers per cell (allowedAccess, mask, the reasons) agree with what setFieldAccess
/// accepts: everything left out is refused with the reason shown, everything offered is accepted.
/// </summary>
public sealed class FieldAccessChoicesTests : IDisposable
{
    private readonly WarehouseApp _app = new();
    private HttpClient Admin => _app.ClientFor("admin", null, user: "admin-choices");
    private const string Set = "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { role type field access version } }";
    private static readonly string[] Levels = ["FULL", "MASKED", "HIDDEN"];

    private async Task<List<JsonObject>> Cells(string role)
    {
        var data = await WarehouseApp.DataAsync(Admin,
            "query($r: String) { permissionMatrix(role: $r) { type field access version allowedAccess mask accessRestriction aggregateOnlyRestriction } }",
            new { r = role });
        return data["permissionMatrix"]!.AsArray().Select(c => c!.AsObject()).ToList();
    }

    private static List<string> Allowed(JsonObject c) => c["allowedAccess"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    [Fact]
    public async Task Every_choice_left_out_is_refused_with_the_reason_the_matrix_shows_and_nothing_is_applied()
    {
        var cells = await Cells("village");
        var refused = cells.SelectMany(c => Levels.Except(Allowed(c)).Select(a => (Cell: c, Access: a))).ToList();
        Assert.NotEmpty(refused);
        var versionsBefore = Sql.Scalar(_app.Database, "SELECT SUM(version) FROM sec_field_permission");

        var body = await WarehouseApp.PostAsync(Admin, Set, new
        {
            c = refused.Select(r => new
            {
                role = "village", type = r.Cell["type"]!.GetValue<string>(), field = r.Cell["field"]!.GetValue<string>(),
                access = r.Access, expectedVersion = r.Cell["version"]!.GetValue<int>()
            }).ToArray(),
        }, expectStatus: null);

        Assert.True("INVALID_PERMISSION" == WarehouseApp.FirstErrorCode(body), body.ToJsonString()[..Math.Min(1500, body.ToJsonString().Length)]);
        // The message lists every problem after the colon, separated by "; " (no reason contains one).
        var message = body["errors"]![0]!["message"]!.GetValue<string>();
        var details = message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split("; ").ToList();
        Assert.Equal(refused.Count, details.Count);
        foreach (var (detail, (cell, _)) in details.Zip(refused))
        {
            Assert.Contains(detail, cell["accessRestriction"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        Assert.Equal(versionsBefore, Sql.Scalar(_app.Database, "SELECT SUM(version) FROM sec_field_permission"));
    }

    [Fact]
    public async Task Masked_is_offered_exactly_for_fields_with_a_mask_and_accepted_for_all_of_them()
    {
        var cells = await Cells("village");
        Assert.All(cells, c => Assert.Equal(c["mask"] is not null, Allowed(c).Contains("MASKED")));
        var phone = cells.Single(c => c["type"]!.GetValue<string>() == "Household" && c["field"]!.GetValue<string>() == "phone");
        Assert.Equal("PHONE", phone["mask"]!.GetValue<string>());
        var size = cells.Single(c => c["type"]!.GetValue<string>() == "Household" && c["field"]!.GetValue<string>() == "householdSize");
        Assert.DoesNotContain("MASKED", Allowed(size));
        Assert.Contains("has no mask", size["accessRestriction"]!.GetValue<string>(), StringComparison.Ordinal);

        var toMask = cells.Where(c => Allowed(c).Contains("MASKED") && c["access"]!.GetValue<string>() != "MASKED").ToList();
        Assert.NotEmpty(toMask);
        var data = await WarehouseApp.DataAsync(Admin, Set, new
        {
            c = toMask.Select(c => new
            {
                role = "village", type = c["type"]!.GetValue<string>(), field = c["field"]!.GetValue<string>(), access = "MASKED",
                expectedVersion = c["version"]!.GetValue<int>()
            }).ToArray(),
        });
        Assert.Equal(toMask.Count, data["setFieldAccess"]!.AsArray().Count(c => c!["access"]!.GetValue<string>() == "MASKED"));
    }

    public void Dispose() => _app.Dispose();
}
