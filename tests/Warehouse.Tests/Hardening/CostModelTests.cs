using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warehouse.Tests.Exports;
using Warehouse.Tests.Infrastructure;
using Warehouse.Tooling;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// The cost model refuses the two requests of the second hostile corpus that held a core for 40 s, before anything
/// runs and in milliseconds, while GraphiQL's own introspection query and ordinary relation filters still pass.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class CostModelTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private HttpClient County => fixture.App.ClientFor("county", fixture.County);

    /// <summary>{ __schema { types { ...I7 } } }, each In spreading I(n-1) ten times: ~700 bytes, 10^7 selections per type.</summary>
    public static string IntrospectionBomb(int levels = 7)
    {
        var text = new StringBuilder("{ __schema { types { ...I" + levels + " } } }\nfragment I0 on __Type { name }\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"fragment I{i} on __Type {{ {string.Join(' ', Enumerable.Repeat($"...I{i - 1}", 10))} }}\n");
        }
        return text.ToString();
    }

    /// <summary>30 × members → household → members.some → household → members.some → education: 180 conditions, under the 200 cap.</summary>
    public static string RelationChain(int items = 30) =>
        "{\"or\":[" + string.Join(',', Enumerable.Range(0, items).Select(i =>
            $"{{\"household\":{{\"members\":{{\"some\":{{\"household\":{{\"members\":{{\"some\":{{\"education\":{{\"contains\":\"x{i}\"}}}}}}}}}}}}}}}}"))
                + "]}";

    [Fact]
    public async Task The_introspection_fragment_bomb_is_refused_in_milliseconds()
    {
        var query = IntrospectionBomb();
        Assert.InRange(Encoding.UTF8.GetByteCount(query), 500, 1000);
        await WarehouseApp.DataAsync(County, "{ regions(first: 1) { totalCount } }"); // warm: schema built, JIT done
        await TieringQuiescence.WaitAsync(TimeSpan.FromSeconds(20)); // and the runtime's recompilation settled (it freezes threads)
        var clock = Stopwatch.StartNew();
        var body = await WarehouseApp.PostAsync(County, query, expectStatus: 400);
        clock.Stop();
        output.WriteLine($"introspection bomb refused in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", WarehouseApp.FirstErrorCode(body));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task The_relation_chain_filter_is_refused_before_any_sql_in_the_graph_and_in_exports()
    {
        await WarehouseApp.DataAsync(County, "{ regions(first: 1) { totalCount } }");
        await TieringQuiescence.WaitAsync(TimeSpan.FromSeconds(20));
        fixture.App.SqlLog.Clear();
        var clock = Stopwatch.StartNew();
        var body = await WarehouseApp.PostAsync(County, "query($w: MemberFilterInput) { members(where: $w, first: 10) { totalCount nodes { id } } }",
            new { w = System.Text.Json.JsonDocument.Parse(RelationChain()).RootElement }, expectStatus: 400);
        clock.Stop();
        output.WriteLine($"relation-chain filter refused in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", WarehouseApp.FirstErrorCode(body));
        Assert.Contains("members", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds} ms");
        Assert.DoesNotContain(fixture.App.SqlLog.Commands, c => c.Contains("api_members", StringComparison.Ordinal));

        // The same filter as a literal, and in both exports.
        var literal = await WarehouseApp.PostAsync(County, "{ members(where: " + Literal(RelationChain()) + ") { totalCount } }", expectStatus: 400);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", WarehouseApp.FirstErrorCode(literal));
        foreach (var url in new[] { "/export/members.csv", "/export/aggregate/members.csv" })
        {
            var export = await ExportHttp.GetAsync(County, url + "?where=" + Uri.EscapeDataString(RelationChain()));
            Assert.True(export.Status == 400, $"{url}: HTTP {export.Status}: {export.Text}");
            Assert.Equal("MAX_COMPLEXITY_EXCEEDED", export.Json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
        Assert.DoesNotContain(fixture.App.SqlLog.Commands, c => c.Contains("api_members", StringComparison.Ordinal));
    }

    [Theory]
    // One relation hop per condition, as dashboards write them: well within the limit.
    [InlineData("{ households(where: {members: {some: {education: {eq: \"x\"}}}}) { totalCount } }")]
    [InlineData("{ assistance(where: {household: {members: {some: {jobs: {none: {empForm: {eq: \"x\"}}}}}}}) { totalCount } }")]
    [InlineData("{ members(where: {household: {members: {some: {household: {members: {some: {education: {contains: \"x\"}}}}}}}}, first: 1) { totalCount } }")]
    public async Task Ordinary_relation_filters_pass(string query)
    {
        await WarehouseApp.DataAsync(County, query);
    }

    [Fact]
    public async Task GraphiQL_introspection_query_passes_and_deeper_introspection_does_not()
    {
        var data = await WarehouseApp.DataAsync(County, GraphiQLIntrospection(typeDepth: 9));
        Assert.True(data["__schema"]!["types"]!.AsArray().Count > 20);
        var deeper = await WarehouseApp.PostAsync(County, GraphiQLIntrospection(typeDepth: 11), expectStatus: 400);
        Assert.Equal("MAX_DEPTH_EXCEEDED", WarehouseApp.FirstErrorCode(deeper));
    }

    [Fact]
    public async Task A_role_can_have_its_own_filter_limit()
    {
        using var app = new WarehouseApp(("Warehouse:Limits:Roles:county:MaxFilterCost", "1000"));
        var county = app.ClientFor("county", "139901000000");
        var body = await WarehouseApp.PostAsync(county, "{ households(where: {members: {some: {education: {eq: \"x\"}}}}) { totalCount } }", expectStatus: 400);
        Assert.Equal("MAX_COMPLEXITY_EXCEEDED", WarehouseApp.FirstErrorCode(body));
        Assert.Contains("county", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var township = Sql.Strings(app.Database, "SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1")[0];
        await WarehouseApp.DataAsync(app.ClientFor("township", township), "{ households(where: {members: {some: {education: {eq: \"x\"}}}}) { totalCount } }");
    }

    /// <summary>JSON object text as a GraphQL literal (keys unquoted).</summary>
    private static string Literal(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"([a-zA-Z]+)\":", "$1:");

    /// <summary>graphql-js 16 getIntrospectionQuery() with its defaults (descriptions, typeDepth 9), what GraphiQL sends to this server.</summary>
    private static string GraphiQLIntrospection(int typeDepth)
    {
        var ofType = "";
        for (var i = 0; i < typeDepth; i++)
        {
            ofType = " ofType { name kind" + ofType + " }";
        }
        return """
            query IntrospectionQuery { __schema { queryType { name kind } mutationType { name kind } subscriptionType { name kind }
              types { ...FullType } directives { name description locations args { ...InputValue } } } }
            fragment FullType on __Type { kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue } interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type { kind name
            """ + ofType + " }";
    }
}
