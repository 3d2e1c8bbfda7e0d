using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Security;
using Warehouse.Tests.Infrastructure;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>
/// Drives the real API (HTTP, GraphQL, exports, administration) through every generated shape, per role, recording
/// what each request was for in <see cref="ShadowSqlServer.Origin"/>. A request refused with a code other than the
/// permission codes is a generator or engine defect and is listed in <see cref="Unexpected"/>.
/// </summary>
internal sealed class ShapeRun(WebApplicationFactory<Program> app, TestDatabase database, ShadowSqlServer shadow)
{
    /// <summary>Refusals that only mean "this role may not use this field or path" (the shape exists for other roles).</summary>
    private static readonly HashSet<string> PermissionCodes = ["FIELD_MASKED", "FIELD_HIDDEN", "PROTECTED_AGGREGATE"];

    public int Requests { get; private set; }
    public List<string> Refused { get; } = [];
    public List<string> Unexpected { get; } = [];
    /// <summary>Operators and measure families that at least one successful request exercised.</summary>
    public HashSet<string> Covered { get; } = new(StringComparer.Ordinal);

    public async Task AllAsync()
    {
        var county = "139901000000";
        var township = Sql.Strings(database, "SELECT code FROM region WHERE level='TOWNSHIP' ORDER BY code LIMIT 1")[0];
        var village = Sql.Strings(database,
            "SELECT village_code FROM household WHERE township_code = @t GROUP BY village_code ORDER BY COUNT(*) DESC, village_code LIMIT 1",
            ("@t", township))[0];
        // The village reads most fields in full: every operator runs there. The township (minors masked) and the
        // county (minors out of scope, protected aggregates) run the per-field shapes with their own scope.
        await RoleAsync("village", village, everyOperator: true);
        await RoleAsync("township", township, everyOperator: false);
        await RoleAsync("county", county, everyOperator: false);
        await ExportsAsync("township", township);
        await RevealAsync(county);
        await AdministrationAsync(village);
    }

    private HttpClient Client(string role, string? region, string? user = null)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        var issuer = app.Services.GetRequiredService<LocalTokenIssuer>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", issuer.Issue(user ?? $"shadow-{role}", role, region, TimeSpan.FromMinutes(30)));
        return client;
    }

    private async Task RoleAsync(string role, string region, bool everyOperator)
    {
        using var client = Client(role, region);
        var schema = new IntrospectedSchema((await PostAsync(client, $"{role}: introspection", IntrospectedSchema.Query))!);
        var shapes = new GraphShapes(schema);
        foreach (var c in shapes.Connections())
        {
            var first = await PostAsync(client, $"{role}: {c.Field} first page", shapes.Pages(c).First().Document);
            foreach (var s in shapes.Pages(c).Skip(1).Concat(shapes.Filters(c, everyOperator)).Concat(shapes.Nested(c)))
            {
                await RunAsync(client, role, s);
            }
            // Lookup by the first row's key.
            if (c.Lookup is { } lookup && first?[c.Field]?["nodes"]?[0]?[lookup.Arg]?.GetValue<string>() is { } key)
            {
                await PostAsync(client, $"{role}: {lookup.Field} lookup",
                    $"query($k: String!) {{ {lookup.Field}({lookup.Arg}: $k) {{ {shapes.Leaves(c.Node)} }} }}", new { k = key });
            }
            foreach (var (name, order) in everyOperator ? shapes.Orders(c) : shapes.Orders(c).TakeLast(1))
            {
                await KeysetAsync(client, role, c, name, order);
            }
        }
        foreach (var a in shapes.Aggregates())
        {
            // Every key for the village (full reads) and the county (the protected path); the township's first key.
            foreach (var s in shapes.AggregateShapes(a, everyKey: role != "township"))
            {
                await RunAsync(client, role, s);
            }
        }
    }

    /// <summary>
    /// An ordered page and the page after its last row (forwards); for multi-column orders also the page before that
    /// page's first row (backwards). The cursor condition of a single-column order is the same shape in both directions.
    /// </summary>
    private async Task KeysetAsync(HttpClient client, string role, GraphShapes.Connection c, string name, string order)
    {
        var key = c.Lookup?.Arg ?? "id";
        var page = $"query($after: String, $before: String, $first: Int, $last: Int) {{ "
            + $"{c.Field}(order: {order}, first: $first, after: $after, last: $last, before: $before) {{ "
            + $"nodes {{ {key} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}";
        var one = await PostAsync(client, $"{role}: {c.Field} {name}", page, new { first = 3 });
        if (one?[c.Field]?["pageInfo"]?["endCursor"]?.GetValue<string>() is not { } end)
        {
            return;
        }
        var two = await PostAsync(client, $"{role}: {c.Field} {name}, after a cursor", page, new { first = 3, after = end });
        if (name.Contains(',', StringComparison.Ordinal) && two?[c.Field]?["pageInfo"]?["startCursor"]?.GetValue<string>() is { } start)
        {
            await PostAsync(client, $"{role}: {c.Field} {name}, before a cursor", page, new { last = 2, before = start });
            Covered.Add("keyset");
        }
    }

    private async Task RunAsync(HttpClient client, string role, GraphShape shape)
    {
        if (await PostAsync(client, $"{role}: {shape.Name}", shape.Document) is not null && shape.Operator is { } op)
        {
            Covered.Add(op);
        }
    }

    /// <summary>Posts a document; returns data when there were no errors, null otherwise (recording the refusal).</summary>
    private async Task<JsonObject?> PostAsync(HttpClient client, string origin, string document, object? variables = null)
    {
        shadow.Origin = origin;
        Requests++;
        using var response = await client.PostAsJsonAsync("/graphql", new { query = document, variables });
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)?.AsObject();
        if (body?["errors"] is JsonArray errors)
        {
            var codes = errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>() ?? "(no code)").Distinct().ToList();
            var line = $"{origin}: {string.Join(", ", codes)}: {errors[0]?["message"]}";
            (codes.All(PermissionCodes.Contains) ? Refused : Unexpected).Add(codes.All(PermissionCodes.Contains) ? line : line + Environment.NewLine
                + document);
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            Unexpected.Add($"{origin}: HTTP {(int)response.StatusCode}: {text}");
            return null;
        }
        return body?["data"]?.AsObject();
    }

    private async Task GetAsync(HttpClient client, string origin, string url)
    {
        shadow.Origin = origin;
        Requests++;
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Unexpected.Add($"{origin}: HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 400)]}");
        }
        else
        {
            Covered.Add(origin.Contains("aggregate", StringComparison.Ordinal) ? "aggregate export" : "row export");
        }
    }

    private async Task ExportsAsync(string role, string region)
    {
        using var client = Client(role, region);
        var schema = new IntrospectedSchema((await PostAsync(client, $"{role}: introspection", IntrospectedSchema.Query))!);
        var shapes = new GraphShapes(schema);
        foreach (var c in shapes.Connections())
        {
            await GetAsync(client, $"{role}: export {c.Field}.csv", $"/export/{c.Field}.csv");
            var where = Uri.EscapeDataString($"{{\"{c.Lookup?.Arg ?? "id"}\": {{\"neq\": \"1\"}}}}");
            await GetAsync(client, $"{role}: export {c.Field}.jsonl with where", $"/export/{c.Field}.jsonl?where={where}");
        }
        foreach (var a in shapes.Aggregates())
        {
            var groupType = schema.Fields(a.Type.Name).First(f => f.Name == "groups").Type.Name;
            var keysType = schema.Fields(groupType).First(f => f.Name == "keys").Type.Name;
            var key = schema.Fields(keysType).First(f => f.Name != "_empty").Name;
            var list = a.Name[..^"Aggregate".Length];
            await GetAsync(client, $"{role}: aggregate export {list}", $"/export/aggregate/{list}.csv?groupBy={key}&measures=count");
        }
    }

    private async Task RevealAsync(string county)
    {
        using var client = Client("county", county, "shadow-revealer");
        var data = await PostAsync(client, "county: members for reveal", "{ members(first: 1) { nodes { id } } }");
        if (data?["members"]?["nodes"]?[0]?["id"]?.GetValue<string>() is { } id)
        {
            if (await PostAsync(client, "county: reveal idNumber (audit write)", "query($id: String!) { member(id: $id) { idNumber(reveal: \"核实身份：入户核查\") } }",
                new { id }) is not null)
            {
                Covered.Add("reveal");
            }
        }
    }

    private async Task AdministrationAsync(string village)
    {
        using var admin = Client("admin", null, "shadow-admin");
        var matrix = await PostAsync(admin, "admin: permissionMatrix",
            "{ permissionMatrix(role: \"township\", type: \"Household\") { role type field access version } }");
        await PostAsync(admin, "admin: myPermissions", "{ myPermissions(role: \"county\") { role } }");
        await PostAsync(admin, "admin: assignments", "{ assignments { userId role regionCode status version } }");
        await PostAsync(admin, "admin: auditTrail", "{ auditTrail(first: 5) { id } }");
        await PostAsync(admin, "admin: auditTrail by kind", "{ auditTrail(kind: \"REVEAL\", first: 5) { id } }");
        await PostAsync(admin, "admin: apiKeys", "{ apiKeys { id userId } }");
        await PostAsync(admin, "admin: persistedDocuments", "{ persistedDocuments { documentId name } }");
        if (matrix?["permissionMatrix"]?.AsArray().FirstOrDefault(c => c?["field"]?.GetValue<string>() == "exitYear") is { } cell)
        {
            var change = new
            {
                role = "township", type = "Household", field = "exitYear", access = "HIDDEN",
                expectedVersion = cell["version"]!.GetValue<int>()
            };
            await PostAsync(admin, "admin: setFieldAccess", "mutation($c: [FieldAccessChangeInput!]!) { setFieldAccess(changes: $c) { version } }",
                new { c = new[] { change } });
        }
        await PostAsync(admin, "admin: assignUser",
            "mutation($v: String!) { assignUser(userId: \"shadow-official\", role: \"village\", regionCode: $v) { version } }", new { v = village });
        await PostAsync(admin, "admin: assignUser again (update)",
            "mutation($v: String!) { assignUser(userId: \"shadow-official\", role: \"village\", regionCode: $v, expectedVersion: 1) { version } }",
            new { v = village });
        var issued = await PostAsync(admin, "admin: issueApiKey",
            "mutation($e: DateTime!) { issueApiKey(userId: \"shadow-official\", expiresAt: $e, note: \"bi\") { key { id } secret } }",
            new { e = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) });
        if (issued?["issueApiKey"] is { } key)
        {
            using var bi = app.CreateClient();
            bi.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key["secret"]!.GetValue<string>());
            await PostAsync(bi, "api key: households through a key", "{ households(first: 1) { nodes { id } } }");
            await PostAsync(admin, "admin: revokeApiKey", "mutation($id: String!) { revokeApiKey(id: $id) { revokedAt } }",
                new { id = key["key"]!["id"]!.GetValue<string>() });
            Covered.Add("api keys");
        }
        await PostAsync(admin, "admin: revokeUser", "mutation { revokeUser(userId: \"shadow-official\", role: \"village\", expectedVersion: 2) { status } }");
        var document = await PostAsync(admin, "admin: registerDocument",
            "mutation { registerDocument(query: \"{ regions(first: 1) { nodes { code } } }\", name: \"shadow\") { documentId } }");
        if (document?["registerDocument"]?["documentId"]?.GetValue<string>() is { } documentId)
        {
            using var reader = Client("village", village);
            shadow.Origin = "village: persisted document by id";
            Requests++;
            using var response = await reader.GetAsync($"/graphql?documentId={Uri.EscapeDataString(documentId)}");
            if (response.IsSuccessStatusCode)
            {
                Covered.Add("persisted documents");
            }
            else
            {
                Unexpected.Add($"persisted document by id: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        Covered.Add("administration");
    }
}
