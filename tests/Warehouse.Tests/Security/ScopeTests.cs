using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>Row scope per role on every path: root lists, totalCount, lookups, nested lists, relation filters, references.</summary>
public sealed class ScopeTests(AppFixture fixtures) : IClassFixture<AppFixture>
{
    public static TheoryData<DatabaseProvider, string> DataRolesByProvider => Providers.With("county", "township", "village");

    private static (string Region, string Column) ScopeOf(ProviderApp fixture, string role) => role switch
    {
        "county" => (fixture.County, "county_code"),
        "township" => (fixture.Township, "township_code"),
        _ => (fixture.Village, "village_code"),
    };

    [ProviderTheory]
    [MemberData(nameof(DataRolesByProvider))]
    public async Task Root_lists_and_counts_hold_only_the_region(DatabaseProvider provider, string role)
    {
        var fixture = fixtures[provider];
        var (region, column) = ScopeOf(fixture, role);
        var client = fixture.App.ClientFor(role, region);
        var data = await WarehouseApp.DataAsync(client, """
            { households(first: 500, order: [{id: ASC}]) { totalCount nodes { id } }
              members { totalCount } jobs { totalCount } assistance { totalCount } posts { totalCount }
              projects { totalCount } regions { totalCount } }
            """);
        var db = fixture.App.Database;
        Assert.Equal(Sql.Scalar(db, $"SELECT COUNT(*) FROM household WHERE {column} = @r", ("@r", region)), data["households"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Sql.Strings(db, $"SELECT household_id FROM household WHERE {column} = @r ORDER BY household_id LIMIT 500", ("@r", region)),
            data["households"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList());
        // The county reads no minors' rows (aggregate-only); township and village read them (masked or full).
        var members = role == "county"
            ? $"SELECT COUNT(*) FROM member WHERE {column} = @r AND {Minors.Adult()}" : $"SELECT COUNT(*) FROM member WHERE {column} = @r";
        Assert.Equal(Sql.Scalar(db, members, ("@r", region)), data["members"]!["totalCount"]!.GetValue<int>());
        // Records about a minor follow the minor: the county does not read them one by one either.
        string About(string memberColumn) => role == "county" ? " AND " + Minors.AboutAdult(memberColumn) : "";
        Assert.Equal(Sql.Scalar(db, $"SELECT COUNT(*) FROM employment WHERE {column} = @r{About("employment.member_id")}", ("@r", region)),
            data["jobs"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Sql.Scalar(db, $"SELECT COUNT(*) FROM assistance WHERE {column} = @r{About("assistance.member_id")}", ("@r", region)),
            data["assistance"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Sql.Scalar(db, $"SELECT COUNT(*) FROM welfare_post WHERE {column} = @r{About("welfare_post.holder_member_id")}", ("@r", region)),
            data["posts"]!["totalCount"]!.GetValue<int>());
        // Published entities are visible county-wide to every role.
        Assert.Equal(Sql.Scalar(db, "SELECT COUNT(*) FROM project"), data["projects"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(Sql.Scalar(db, "SELECT COUNT(*) FROM region"), data["regions"]!["totalCount"]!.GetValue<int>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Lookup_outside_the_region_reads_as_not_found(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var village = fixture.Village;
        var outside = Sql.Strings(fixture.App.Database, "SELECT household_id FROM household WHERE village_code <> @v LIMIT 1", ("@v", village))[0];
        var inside = Sql.Strings(fixture.App.Database, "SELECT household_id FROM household WHERE village_code = @v LIMIT 1", ("@v", village))[0];
        var client = fixture.App.ClientFor("village", village);
        var data = await WarehouseApp.DataAsync(client, "query($a: String!, $b: String!) { a: household(id: $a) { id } b: household(id: $b) { id } }",
            new { a = outside, b = inside });
        Assert.Null(data["a"]);
        Assert.Equal(inside, data["b"]!["id"]!.GetValue<string>());
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_project_never_leads_to_households_of_another_village(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var village = fixture.Village;
        var client = fixture.App.ClientFor("village", village);
        var data = await WarehouseApp.DataAsync(client, "{ projects(first: 500) { nodes { code beneficiaries { id villageCode } } } }");
        var seen = data["projects"]!["nodes"]!.AsArray().SelectMany(p => p!["beneficiaries"]!.AsArray()).ToList();
        Assert.All(seen, h => Assert.Equal(village, h!["villageCode"]!.GetValue<string>()));
        Assert.Equal(Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM project_beneficiary WHERE village_code = @v", ("@v", village)), seen.Count);
        Assert.True(Sql.Scalar(fixture.App.Database, "SELECT COUNT(*) FROM project_beneficiary WHERE village_code <> @v", ("@v", village)) > 0);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Relation_filters_cannot_probe_other_villages(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var village = fixture.Village;
        var client = fixture.App.ClientFor("village", village);
        var data = await WarehouseApp.DataAsync(client, """
            query($v: String!) {
              viaBeneficiaries: projects(where: {beneficiaries: {some: {villageCode: {neq: $v}}}}) { totalCount }
              viaWorkshopJobs: workshops(where: {jobs: {some: {villageCode: {neq: $v}}}}) { totalCount }
              nestedJobs: workshops(first: 100) { nodes { jobs { villageCode } } }
            }
            """, new { v = village });
        Assert.Equal(0, data["viaBeneficiaries"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, data["viaWorkshopJobs"]!["totalCount"]!.GetValue<int>());
        Assert.All(data["nestedJobs"]!["nodes"]!.AsArray().SelectMany(w => w!["jobs"]!.AsArray()), j =>
            Assert.Equal(village, j!["villageCode"]!.GetValue<string>()));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task References_to_rows_outside_the_region_are_null(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        // A post in the village held by a member: the holder is in the same village; the township sees it too.
        var township = fixture.Township;
        var client = fixture.App.ClientFor("township", township);
        var data = await WarehouseApp.DataAsync(client,
            "{ posts(first: 200, where: {holderMemberId: {neq: null}}) { nodes { villageCode holder { villageCode townshipCode } } } }");
        Assert.All(data["posts"]!["nodes"]!.AsArray(), p => Assert.Equal(township, p!["holder"]!["townshipCode"]!.GetValue<string>()));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Admin_without_a_data_role_has_no_data_fields(DatabaseProvider provider)
    {
        var fixture = fixtures[provider];
        var client = fixture.App.ClientFor("admin", null);
        var body = await WarehouseApp.PostAsync(client, "{ households { totalCount } }", expectStatus: 400);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", WarehouseApp.FirstErrorCode(body));
        var me = await WarehouseApp.DataAsync(client, "{ myPermissions { role isAdmin fields { type } } }");
        Assert.True(me["myPermissions"]!["isAdmin"]!.GetValue<bool>());
        Assert.Null(me["myPermissions"]!["role"]);
    }
}
