using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>Permission and assignment changes: in force on the next request, atomic, validated, never silently overwritten.</summary>
public sealed class AdministrationTests : IDisposable
{
    // Created by each test on its provider (xunit makes a new instance per test case).
    private WarehouseApp _app = null!;
    private const string Township = "139901101000";

    private HttpClient Admin => _app.ClientFor("admin", null, user: "admin-1");

    private async Task<int> VersionOf(string role, string type, string field)
    {
        var data = await WarehouseApp.DataAsync(Admin, "query($r: String, $t: String) { permissionMatrix(role: $r, type: $t) { field version } }",
            new { r = role, t = type });
        return data["permissionMatrix"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == field)!["version"]!.GetValue<int>();
    }

    private static object Change(string role, string type, string field, string access, int version) =>
        new { role, type, field, access, expectedVersion = version };

    private const string Set = "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { role type field access version } }";

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Hiding_a_field_takes_effect_on_the_next_request_including_introspection(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var township = _app.ClientFor("township", Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1")[0]);
        await WarehouseApp.DataAsync(township, "{ households(first: 1) { nodes { householdAttr } } }");
        var version = await VersionOf("township", "Household", "householdAttr");
        var changed = await WarehouseApp.DataAsync(Admin, Set, new { c = new[] { Change("township", "Household", "householdAttr", "HIDDEN", version) } });
        Assert.Equal("HIDDEN", changed["setFieldAccess"]![0]!["access"]!.GetValue<string>());

        var after = await WarehouseApp.PostAsync(township, "{ households(first: 1) { nodes { householdAttr } } }", expectStatus: 400);
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(after));
        var type = await WarehouseApp.DataAsync(township, "{ __type(name: \"Household\") { fields { name } } }");
        Assert.DoesNotContain("householdAttr", type["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        // Other roles are untouched.
        await WarehouseApp.DataAsync(_app.ClientFor("county", "139901000000"), "{ households(first: 1) { nodes { householdAttr } } }");
        Assert.Equal(1,
            Sql.Scalar(_app.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'PERMISSION_CHANGE' AND user_id = 'admin-1' AND field_name = 'householdAttr' AND " +
            "detail LIKE '%FULL%HIDDEN%'"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task An_edit_against_a_stale_version_is_rejected(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var version = await VersionOf("village", "Household", "phone");
        await WarehouseApp.DataAsync(Admin, Set, new { c = new[] { Change("village", "Household", "phone", "MASKED", version) } });
        var stale = await WarehouseApp.PostAsync(Admin, Set, new { c = new[] { Change("village", "Household", "phone", "HIDDEN", version) } });
        Assert.Equal("STALE_VERSION", WarehouseApp.FirstErrorCode(stale));
        Assert.Equal("MASKED",
            Sql.Text(_app.Database, "SELECT access FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='phone'"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Two_concurrent_edits_of_one_cell_never_both_apply(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var version = await VersionOf("county", "Member", "education");
        var results = await Task.WhenAll(
            WarehouseApp.PostAsync(Admin, Set, new { c = new[] { Change("county", "Member", "education", "HIDDEN", version) } }),
            WarehouseApp.PostAsync(Admin, Set, new { c = new[] { Change("county", "Member", "education", "FULL", version) } }));
        Assert.Equal(1, results.Count(r => r["errors"] is null));
        Assert.Equal(1, results.Count(r => WarehouseApp.FirstErrorCode(r) == "STALE_VERSION"));
        Assert.Equal(version + 1,
            Sql.Scalar(_app.Database, "SELECT version FROM sec_field_permission WHERE role='county' AND type_name='Member' AND field_name='education'"));
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "mayor", "Household", "phone", "HIDDEN")]
    [InlineData(DatabaseProvider.PostgreSql, "mayor", "Household", "phone", "HIDDEN")]
    [InlineData(DatabaseProvider.Sqlite, "village", "Spaceship", "phone", "HIDDEN")]
    [InlineData(DatabaseProvider.PostgreSql, "village", "Spaceship", "phone", "HIDDEN")]
    [InlineData(DatabaseProvider.Sqlite, "village", "Household", "shoeSize", "HIDDEN")]
    [InlineData(DatabaseProvider.PostgreSql, "village", "Household", "shoeSize", "HIDDEN")]
    [InlineData(DatabaseProvider.Sqlite, "village", "Household", "householdSize", "MASKED")]
    [InlineData(DatabaseProvider.PostgreSql, "village", "Household", "householdSize", "MASKED")]
    [InlineData(DatabaseProvider.Sqlite, "village", "Household", "id", "HIDDEN")]
    [InlineData(DatabaseProvider.PostgreSql, "village", "Household", "id", "HIDDEN")]
    [InlineData(DatabaseProvider.Sqlite, "village", "Household", "phone", "SECRET")]
    [InlineData(DatabaseProvider.PostgreSql, "village", "Household", "phone", "SECRET")]
    public async Task An_invalid_edit_applies_nothing(DatabaseProvider provider, string role, string type, string field, string access)
    {
        _app = new WarehouseApp(provider);
        var good = await VersionOf("village", "Member", "gender");
        var before = Sql.Scalar(_app.Database, "SELECT version FROM sec_matrix_version");
        var body = await WarehouseApp.PostAsync(Admin, Set, new
        {
            c = new[] { Change("village", "Member", "gender", "HIDDEN", good),
            Change(role, type, field, access, 1) }
        });
        Assert.Equal("INVALID_PERMISSION", WarehouseApp.FirstErrorCode(body));
        Assert.Equal("FULL",
            Sql.Text(_app.Database, "SELECT access FROM sec_field_permission WHERE role='village' AND type_name='Member' AND field_name='gender'"));
        Assert.Equal(before, Sql.Scalar(_app.Database, "SELECT version FROM sec_matrix_version"));
    }

    [ProviderTheory]
    // Aggregate-only needs rows with record keys (to perturb) and a field that identifies nobody (to group by).
    [InlineData(DatabaseProvider.Sqlite, "Project", "type", "INVALID_PERMISSION")]
    [InlineData(DatabaseProvider.PostgreSql, "Project", "type", "INVALID_PERMISSION")]
    [InlineData(DatabaseProvider.Sqlite, "Member", "householdId", "INVALID_PERMISSION")]
    [InlineData(DatabaseProvider.PostgreSql, "Member", "householdId", "INVALID_PERMISSION")]
    [InlineData(DatabaseProvider.Sqlite, "Household", "monitorType", null)]
    [InlineData(DatabaseProvider.PostgreSql, "Household", "monitorType", null)]
    public async Task Aggregate_only_is_for_protectable_fields(DatabaseProvider provider, string type, string field, string? code)
    {
        _app = new WarehouseApp(provider);
        var version = await VersionOf("village", type, field);
        var body = await WarehouseApp.PostAsync(Admin, Set, new
        {
            c = new[] { new { role = "village", type, field, access = "HIDDEN", aggregateOnly = true,
            expectedVersion = version } }
        });
        Assert.Equal(code, WarehouseApp.FirstErrorCode(body));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Stored_assignment_wins_over_token_claims_and_revocation_denies(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var village = Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")[0];
        var assigned = await WarehouseApp.DataAsync(Admin,
            "mutation($v: String!) { assignUser(userId: \"official-7\", role: \"village\", regionCode: $v) { version status } }", new { v = village });
        Assert.Equal(1, assigned["assignUser"]!["version"]!.GetValue<int>());
        // The token claims county; the stored assignment makes the user a village official.
        var user = _app.ClientFor("county", "139901000000", user: "official-7");
        var me = await WarehouseApp.DataAsync(user, "{ myPermissions { role regionCode } households { totalCount } }");
        Assert.Equal("village", me["myPermissions"]!["role"]!.GetValue<string>());
        Assert.Equal(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM household WHERE village_code = @v", ("@v", village)),
            me["households"]!["totalCount"]!.GetValue<int>());

        var revoked = await WarehouseApp.PostAsync(Admin, "mutation { revokeUser(userId: \"official-7\", role: \"village\", expectedVersion: 1) { status } }");
        Assert.Equal("revoked", revoked["data"]!["revokeUser"]!["status"]!.GetValue<string>());
        var denied = await WarehouseApp.PostAsync(user, "{ households { totalCount } }", expectStatus: 403);
        Assert.Equal("FORBIDDEN", WarehouseApp.FirstErrorCode(denied));

        var bad = await WarehouseApp.PostAsync(Admin, "mutation { assignUser(userId: \"x\", role: \"township\", regionCode: \"139901000000\") { version } }");
        Assert.Equal("INVALID_ASSIGNMENT", WarehouseApp.FirstErrorCode(bad));
        Assert.Equal(2, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'ASSIGNMENT_CHANGE'"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Data_roles_cannot_administer(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var village = _app.ClientFor("village", Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")[0]);
        var body = await WarehouseApp.PostAsync(village, Set, new { c = new[] { Change("village", "Member", "gender", "HIDDEN", 1) } }, expectStatus: 400);
        Assert.NotNull(body["errors"]);
        var ask = await WarehouseApp.PostAsync(village, "{ myPermissions(role: \"county\") { role } }");
        Assert.Equal("FORBIDDEN", WarehouseApp.FirstErrorCode(ask));
        Assert.Equal("FULL",
            Sql.Text(_app.Database, "SELECT access FROM sec_field_permission WHERE role='village' AND type_name='Member' AND field_name='gender'"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Audit_trail_is_filtered_and_paged_newest_first(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        for (var i = 0; i < 3; i++)
        {
            var v = await VersionOf("township", "Member", "education");
            await WarehouseApp.DataAsync(Admin, Set, new { c = new[] { Change("township", "Member", "education", i % 2 == 0 ? "HIDDEN" : "FULL", v) } });
        }
        var first = await WarehouseApp.DataAsync(Admin, "{ auditTrail(kind: \"PERMISSION_CHANGE\", first: 2) { id field } }");
        var page = first["auditTrail"]!.AsArray();
        Assert.Equal(2, page.Count);
        var last = page[1]!["id"]!.GetValue<long>();
        var next = await WarehouseApp.DataAsync(Admin, "query($b: Long) { auditTrail(kind: \"PERMISSION_CHANGE\", first: 2, before: $b) { id } }",
            new { b = last });
        Assert.Single(next["auditTrail"]!.AsArray());
        Assert.True(page[0]!["id"]!.GetValue<long>() > last);
    }

    public void Dispose() => _app?.Dispose();
}
