using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Explain;

/// <summary>
/// POST /graphql/explain: the statements a query ran and each one's plan, for admins (and anyone in Development),
/// never with data, audited; and no way around what /graphql refuses (hidden fields, other regions, mutations).
/// </summary>
public sealed class ExplainTests
{
    private const string Query = "query Page { households(first: 5, order: {householdSize: DESC}) { totalCount nodes { id address phone " +
        "householdSize members { id relation } } } }";

    private static string BusiestVillage(WarehouseApp app) =>
        Sql.Strings(app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1")[0];

    /// <summary>A user holding the village role and admin beside it (an admin may hold one data role).</summary>
    private static async Task<HttpClient> AdminVillageOfficial(WarehouseApp app, string user, string village)
    {
        var admin = app.ClientFor("admin", null, user: "admin-explain");
        await WarehouseApp.DataAsync(admin,
            "mutation($u: String!, $v: String!) { a: assignUser(userId: $u, role: \"village\", regionCode: $v) { version } b: assignUser(userId: " +
            "$u, role: \"admin\", regionCode: \"139901000000\") { version } }",
            new { u = user, v = village });
        return app.ClientFor("village", village, user);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body, string Text)> Explain(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/graphql/explain", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), text);
    }

    private static long Audits(WarehouseApp app, string user, string kind) =>
        Sql.Scalar(app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = @u AND kind = @k", ("@u", user), ("@k", kind));

    /// <summary>
    /// A relation batch sends its parents' keys as one parameter on SQLite and PostgreSQL (docs/performance.md), so the
    /// statement is the same text whether the page had two parents or nine: EF Core and the engine reuse it.
    /// </summary>
    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_relation_batch_is_one_statement_text_whatever_the_number_of_parents(DatabaseProvider provider)
    {
        using var app = new WarehouseApp(provider);
        var client = await AdminVillageOfficial(app, "batch-text", BusiestVillage(app));
        async Task<string> MembersStatement(int parents)
        {
            var (status, body, text) = await Explain(client, $"{{ households(first: {parents}) {{ nodes {{ id members {{ id }} }} }} }}");
            Assert.True(status == HttpStatusCode.OK, text);
            return Assert.Single(body["statements"]!.AsArray().Select(s => s!["sql"]!.GetValue<string>()),
                sql => sql.Contains("members", StringComparison.Ordinal) && !sql.Contains("households", StringComparison.Ordinal));
        }

        var two = await MembersStatement(2);
        var nine = await MembersStatement(9);
        Assert.Equal(two, nine);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task An_admin_sees_each_statement_and_its_plan_and_never_a_value(DatabaseProvider provider)
    {
        using var app = new WarehouseApp(provider);
        var village = BusiestVillage(app);
        var client = await AdminVillageOfficial(app, "explainer", village);

        var (status, body, text) = await Explain(client, Query);

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.False(body.ContainsKey("data"), "explain returned data");
        Assert.Null(body["errors"]);
        var statements = body["statements"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var reads = statements.Where(s => s["sql"]!.GetValue<string>().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                                          || s["sql"]!.GetValue<string>().TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase)).ToList();
        // The page, its count and the members batch at least, each planned by the database itself.
        Assert.True(reads.Count(s => s["sql"]!.GetValue<string>().Contains("household", StringComparison.OrdinalIgnoreCase)) >= 2, text);
        Assert.Contains(reads, s => s["sql"]!.GetValue<string>().Contains("member", StringComparison.OrdinalIgnoreCase));
        foreach (var read in reads)
        {
            var plan = read["plan"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            Assert.NotEmpty(plan);
            Assert.Contains(plan, l => provider == DatabaseProvider.Sqlite
                ? l.Contains("SCAN", StringComparison.Ordinal) || l.Contains("SEARCH", StringComparison.Ordinal)
                    || l.Contains("SUBQUERY", StringComparison.Ordinal)
                : l.Contains("Scan", StringComparison.Ordinal));
            // No estimates: on PostgreSQL they come from whole-table statistics, beyond the caller's region.
            Assert.DoesNotContain(plan, l => l.Contains("rows=", StringComparison.Ordinal) || l.Contains("cost=", StringComparison.Ordinal));
        }

        // No value of the village's records anywhere (ids, addresses, phones, member ids), though the query read them.
        var values = Sql.Strings(app.Database,
            "SELECT household_id FROM household WHERE village_code = @v UNION SELECT address FROM household WHERE village_code = @v AND address IS " +
            "NOT NULL UNION SELECT phone FROM household WHERE village_code = @v AND phone IS NOT NULL UNION SELECT member_id FROM member WHERE " +
            "village_code = @v", ("@v", village));
        Assert.True(values.Count > 20);
        Assert.All(values, v => Assert.DoesNotContain(v, text, StringComparison.Ordinal));
        // Nor the caller's own scope value: parameters are named, never shown.
        Assert.DoesNotContain(village, text, StringComparison.Ordinal);

        // Audited: one EXPLAIN record (statements counted), and the read itself as any request's.
        Assert.Equal(1, Audits(app, "explainer", "EXPLAIN"));
        var detail = JsonNode.Parse(Sql.Text(app.Database, "SELECT detail FROM sec_audit_record WHERE user_id = 'explainer' AND kind = 'EXPLAIN'")!)!;
        Assert.Equal(statements.Count, detail["statements"]!.GetValue<int>());
        Assert.True(Audits(app, "explainer", "DATA_ACCESS") > 0);
        Assert.Equal(0,
            Sql.Scalar(app.Database,
            "SELECT COUNT(*) FROM sec_audit_record a WHERE user_id = 'explainer' AND kind = 'DATA_ACCESS' AND document_hash <> (SELECT " +
            "document_hash FROM sec_audit_record WHERE user_id = 'explainer' AND kind = 'EXPLAIN')"));
    }

    [Fact]
    public async Task A_data_role_outside_Development_is_refused_and_nothing_runs()
    {
        using var app = new WarehouseApp();
        var village = BusiestVillage(app);
        var client = app.ClientFor("village", village, "plain-village");

        var (status, body, _) = await Explain(client, Query);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("FORBIDDEN", WarehouseApp.FirstErrorCode(body));
        Assert.Equal(0, Audits(app, "plain-village", "DATA_ACCESS"));
        Assert.Equal(0, Audits(app, "plain-village", "EXPLAIN"));
    }

    [Fact]
    public async Task In_Development_a_data_role_may_explain_its_own_queries()
    {
        using var app = new WarehouseApp(("environment", "Development"));
        var village = BusiestVillage(app);
        var (status, body, text) = await Explain(app.ClientFor("village", village, "dev-village"), Query);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.NotEmpty(body["statements"]!.AsArray());
        Assert.Equal(1, Audits(app, "dev-village", "EXPLAIN"));
    }

    [Fact]
    public async Task A_mutation_is_refused_and_changes_nothing()
    {
        using var app = new WarehouseApp();
        var client = await AdminVillageOfficial(app, "explainer", BusiestVillage(app));
        var before = Sql.Fingerprint(app.Database, "sec_user_assignment");

        var (status, body, _) = await Explain(client,
            "mutation { assignUser(userId: \"someone\", role: \"county\", regionCode: \"139901000000\") { version } }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MUTATION_NOT_EXPLAINED", WarehouseApp.FirstErrorCode(body));
        Assert.Equal(before, Sql.Fingerprint(app.Database, "sec_user_assignment"));
    }

    /// <summary>
    /// The side channel: a field hidden from the role. Explain must answer exactly what /graphql answers (the
    /// FIELD_HIDDEN error) and run no statement over the data, so its text and plans cannot tell the caller the
    /// hidden column's name, type or contents; an unknown name and a hidden one differ exactly as they do on /graphql.
    /// </summary>
    [Fact]
    public async Task A_hidden_field_gets_the_errors_graphql_gives_and_no_statement_touches_the_data()
    {
        using var app = new WarehouseApp();
        var village = BusiestVillage(app);
        var client = await AdminVillageOfficial(app, "explainer", village);
        var admin = app.ClientFor("admin", null, user: "admin-explain");
        var version = Sql.Scalar(app.Database,
            "SELECT version FROM sec_field_permission WHERE role='village' AND type_name='Household' AND field_name='householdAttr'");
        await WarehouseApp.DataAsync(admin, "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
            new { c = new[] { new { role = "village", type = "Household", field = "householdAttr", access = "HIDDEN", expectedVersion = version } } });

        foreach (var query in new[]
        {
            "{ households(first: 3) { nodes { id householdAttr } } }",
            "{ households(first: 3, where: {householdAttr: {eq: \"x\"}}) { nodes { id } } }",
            "{ households(first: 3, order: {householdAttr: ASC}) { nodes { id } } }",
            "{ households(first: 3) { nodes { id noSuchField } } }",
        })
        {
            var direct = await WarehouseApp.PostAsync(client, query, expectStatus: null);
            var (status, body, text) = await Explain(client, query);
            Assert.True(status == HttpStatusCode.OK, text);
            Assert.Equal(direct["errors"]!.ToJsonString(), body["errors"]!.ToJsonString());
            Assert.DoesNotContain("household_attr", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(body["statements"]!.AsArray(), s => s!["sql"]!.GetValue<string>()
                .Contains("FROM \"household", StringComparison.OrdinalIgnoreCase)
                                                                         || s!["sql"]!.GetValue<string>()
                                                                             .Contains("FROM household", StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal("FIELD_HIDDEN", WarehouseApp.FirstErrorCode(await WarehouseApp.PostAsync(client, "{ households(first: 3) { nodes { id householdAttr } } }",
            expectStatus: null)));
    }

    /// <summary>Scope holds: the statements explain runs are the caller's own, so another village's rows are never read.</summary>
    [Fact]
    public async Task Another_villages_record_is_not_reachable_through_explain()
    {
        using var app = new WarehouseApp();
        var village = BusiestVillage(app);
        var client = await AdminVillageOfficial(app, "explainer", village);
        var other = Sql.Strings(app.Database, "SELECT household_id FROM household WHERE village_code <> @v ORDER BY household_id LIMIT 1", ("@v", village))[0];

        var direct = await WarehouseApp.PostAsync(client, "query($id: String!) { household(id: $id) { id address } }", new { id = other }, expectStatus: null);
        var (status, body, text) = await Explain(client, "query($id: String!) { household(id: $id) { id address } }", new { id = other });

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Null(direct["data"]?["household"]);
        Assert.Equal(direct["errors"]?.ToJsonString(), body["errors"]?.ToJsonString());
        var address = Sql.Text(app.Database, "SELECT address FROM household WHERE household_id = @h", ("@h", other));
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        if (address is not null)
        {
            Assert.DoesNotContain(address, text, StringComparison.Ordinal);
        }
    }
}
