using GraphQLParser.AST;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// schemaPreview(role): the SDL a role gets now. It must be exactly what that role's own requests see (compared
/// with the role's introspection), follow a permission change at once, and be for admins only.
/// </summary>
public sealed class SchemaPreviewTests : IDisposable
{
    private readonly WarehouseApp _app = new();
    private HttpClient Admin => _app.ClientFor("admin", null, user: "admin-preview");
    private const string Preview = "query($r: String!) { schemaPreview(role: $r) }";

    private static List<string> FieldsOf(string sdl, string type) =>
        GraphQLParser.Parser.Parse(sdl).Definitions.OfType<GraphQLObjectTypeDefinition>()
            .Single(d => d.Name.StringValue == type).Fields!.Select(f => f.Name.StringValue).Order(StringComparer.Ordinal).ToList();

    private async Task<List<string>> Introspected(HttpClient client, string type)
    {
        var data = await WarehouseApp.DataAsync(client, "query($n: String!) { __type(name: $n) { fields { name } } }", new { n = type });
        return data["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task The_preview_is_what_the_role_sees_and_follows_a_permission_change()
    {
        var villageCode = Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT 1")[0];
        var village = _app.ClientFor("village", villageCode);
        var version = Sql.Scalar(_app.Database,
            "SELECT version FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='householdAttr'");
        await WarehouseApp.DataAsync(Admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
            new { c = new[] { new { role = "village", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } } });

        var villageSdl = (await WarehouseApp.DataAsync(Admin, Preview, new { r = "village" }))["schemaPreview"]!.GetValue<string>();
        var countySdl = (await WarehouseApp.DataAsync(Admin, Preview, new { r = "county" }))["schemaPreview"]!.GetValue<string>();

        Assert.DoesNotContain("householdAttr", FieldsOf(villageSdl, "Household"));
        Assert.Contains("householdAttr", FieldsOf(countySdl, "Household"));
        foreach (var type in new[] { "Household", "Member", "Query" })
        {
            Assert.Equal(await Introspected(village, type), FieldsOf(villageSdl, type));
            Assert.Equal(await Introspected(_app.ClientFor("county", "139901000000"), type), FieldsOf(countySdl, type));
        }
        // A data role's schema has no admin fields.
        Assert.DoesNotContain("schemaPreview", FieldsOf(villageSdl, "Query"));
    }

    [Fact]
    public async Task Only_admins_may_preview_and_only_data_roles()
    {
        var township = _app.ClientFor("township", Sql.Strings(_app.Database, "SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1")[0]);
        var refused = await WarehouseApp.PostAsync(township, Preview, new { r = "county" }, expectStatus: null);
        Assert.Null(refused["data"]?["schemaPreview"]);
        Assert.NotNull(refused["errors"]);
        var unknown = await WarehouseApp.PostAsync(Admin, Preview, new { r = "admin" }, expectStatus: null);
        Assert.Equal("INVALID_VALUE", WarehouseApp.FirstErrorCode(unknown));
    }

    public void Dispose() => _app.Dispose();
}
