using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Warehouse.Data;
using Warehouse.Tests.Exports;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Admin-issued API keys over HTTP on a real database: a key acts as its user, through that user's stored
/// assignment, on /graphql and the exports; expired, revoked, unknown and malformed keys get the coded 401.
/// </summary>
public sealed class ApiKeyTests : IDisposable
{
    // Created by each test on its provider (xunit makes a new instance per test case).
    private WarehouseApp _app = null!;

    private HttpClient Admin => _app.ClientFor("admin", null, user: "admin-keys");

    private string Village => Sql.Strings(_app.Database, "SELECT village_code FROM household GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1")[0];

    private const string Issue = "mutation($u: String!, $e: DateTime!, $n: String) { issueApiKey(userId: $u, expiresAt: $e, note: $n) { secret key " +
        "{ id userId expiresAt revokedAt lastUsedAt } } }";

    private async Task AssignVillage(string user, string village) =>
        await WarehouseApp.DataAsync(Admin, "mutation($u: String!, $v: String!) { assignUser(userId: $u, role: \"village\", regionCode: $v) { version } }",
            new { u = user, v = village });

    private async Task<(string Id, string Secret)> IssueFor(string user)
    {
        var data = await WarehouseApp.DataAsync(Admin, Issue, new { u = user, e = DateTime.UtcNow.AddDays(30), n = "Power BI gateway" });
        var issued = data["issueApiKey"]!;
        return (issued["key"]!["id"]!.GetValue<string>(), issued["secret"]!.GetValue<string>());
    }

    private HttpClient KeyClient(string secret, bool bearer)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        if (bearer)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        else
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        }
        return client;
    }

    private static async Task<(int Status, JsonObject Body)> Graph(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static void AssertUnauthenticated(int status, JsonObject body, string reasonPart)
    {
        Assert.Equal(401, status);
        Assert.Equal("UNAUTHENTICATED", WarehouseApp.FirstErrorCode(body));
        Assert.Contains(reasonPart, body["errors"]![0]!["extensions"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task An_issued_key_reads_graphql_and_exports_as_its_user_until_revoked(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var village = Village;
        await AssignVillage("bi-gateway", village);
        var (id, secret) = await IssueFor("bi-gateway");
        Assert.Matches("^whk_[A-Za-z0-9_-]{43}$", secret);
        var expected = Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM household WHERE village_code = @v", ("@v", village));

        var (status, body) = await Graph(KeyClient(secret, bearer: true), "{ households { totalCount } members(first: 1) { nodes { name } } }");
        Assert.Equal(200, status);
        Assert.Equal(expected, body["data"]!["households"]!["totalCount"]!.GetValue<long>());

        var csv = await ExportHttp.CsvAsync(KeyClient(secret, bearer: false), ExportHttp.Url("households.csv", "id,villageCode"));
        Assert.Equal(expected, csv.Count - 1);
        Assert.All(csv.Skip(1), row => Assert.Equal(village, row[1]));
        Assert.Equal(Sql.Strings(_app.Database, "SELECT household_id FROM household WHERE village_code = @v ORDER BY household_id", ("@v", village)),
            csv.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal).ToList());

        // Uses are audited under the bound user, like any request.
        Assert.True(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'bi-gateway' AND kind = 'DATA_ACCESS'") >= 1);
        // An export writes a "started" and a "completed" record; the completed one carries the row count.
        Assert.Equal(expected,
            Sql.Scalar(_app.Database, "SELECT row_count FROM sec_audit_record WHERE user_id = 'bi-gateway' AND kind = 'EXPORT' AND detail LIKE '%completed%'"));
        Assert.Equal(1, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_api_key WHERE key_id = @k AND last_used_at IS NOT NULL", ("@k", id)));

        var listed = await WarehouseApp.DataAsync(Admin, "{ apiKeys(userId: \"bi-gateway\") { id userId note lastUsedAt revokedAt } }");
        Assert.Equal(id, listed["apiKeys"]![0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain("whk_", listed.ToJsonString(), StringComparison.Ordinal);

        var revoked = await WarehouseApp.DataAsync(Admin, "mutation($k: String!) { revokeApiKey(id: $k) { id revokedAt revokedBy } }", new { k = id });
        Assert.Equal("admin-keys", revoked["revokeApiKey"]!["revokedBy"]!.GetValue<string>());
        var (afterStatus, afterBody) = await Graph(KeyClient(secret, bearer: true), "{ households { totalCount } }");
        AssertUnauthenticated(afterStatus, afterBody, "revoked");
        var export = await ExportHttp.GetAsync(KeyClient(secret, bearer: false), ExportHttp.Url("households.csv", "id"));
        Assert.Equal(401, export.Status);
        Assert.Equal("UNAUTHENTICATED", WarehouseApp.FirstErrorCode(export.Json));

        Assert.Equal(1,
            Sql.Scalar(_app.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'API_KEY_CHANGE' AND user_id = 'admin-keys' AND detail LIKE '%\"issue\"%' AND detail LIKE @k",
            ("@k", "%" + id + "%")));
        Assert.Equal(1,
            Sql.Scalar(_app.Database,
            "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'API_KEY_CHANGE' AND user_id = 'admin-keys' AND detail LIKE '%\"revoke\"%' AND detail LIKE @k",
            ("@k", "%" + id + "%")));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task An_expired_key_is_refused(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        await AssignVillage("bi-expired", Village);
        var (id, secret) = await IssueFor("bi-expired");
        Sql.Execute(_app.Database, $"UPDATE sec_api_key SET expires_at = '2000-01-01 00:00:00' WHERE key_id = '{id}'");
        var (status, body) = await Graph(KeyClient(secret, bearer: false), "{ households { totalCount } }");
        AssertUnauthenticated(status, body, "expired");
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "whk_short", true, "malformed")]
    [InlineData(DatabaseProvider.PostgreSql, "whk_short", true, "malformed")]
    [InlineData(DatabaseProvider.Sqlite, "whk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true, "not known")]
    [InlineData(DatabaseProvider.PostgreSql, "whk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true, "not known")]
    [InlineData(DatabaseProvider.Sqlite, "whk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false, "not known")]
    [InlineData(DatabaseProvider.PostgreSql, "whk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false, "not known")]
    [InlineData(DatabaseProvider.Sqlite, "whk_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", false, "malformed")]
    [InlineData(DatabaseProvider.PostgreSql, "whk_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", false, "malformed")]
    [InlineData(DatabaseProvider.Sqlite, "letmein", false, "malformed")]
    [InlineData(DatabaseProvider.PostgreSql, "letmein", false, "malformed")]
    public async Task Garbage_keys_get_the_coded_401(DatabaseProvider provider, string key, bool bearer, string reason)
    {
        _app = new WarehouseApp(provider);
        var (status, body) = await Graph(KeyClient(key, bearer), "{ households { totalCount } }");
        AssertUnauthenticated(status, body, reason);
        var export = await ExportHttp.GetAsync(KeyClient(key, bearer), ExportHttp.Url("households.csv", "id"));
        Assert.Equal(401, export.Status);
        Assert.Equal("UNAUTHENTICATED", WarehouseApp.FirstErrorCode(export.Json));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_key_never_outlives_its_users_assignment(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var village = Village;
        await AssignVillage("bi-revoked-user", village);
        var (_, secret) = await IssueFor("bi-revoked-user");
        await WarehouseApp.DataAsync(KeyClient(secret, bearer: true), "{ households { totalCount } }");
        await WarehouseApp.DataAsync(Admin, "mutation { revokeUser(userId: \"bi-revoked-user\", role: \"village\", expectedVersion: 1) { status } }");

        var (status, body) = await Graph(KeyClient(secret, bearer: true), "{ households { totalCount } }");
        Assert.Equal(403, status);
        Assert.Equal("FORBIDDEN", WarehouseApp.FirstErrorCode(body));
        var export = await ExportHttp.GetAsync(KeyClient(secret, bearer: false), ExportHttp.Url("households.csv", "id"));
        Assert.Equal(403, export.Status);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_key_never_administers_even_when_its_user_is_made_admin_later(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var village = Village;
        await AssignVillage("bi-promoted", village);
        var (_, secret) = await IssueFor("bi-promoted");
        await WarehouseApp.DataAsync(Admin, "mutation { assignUser(userId: \"bi-promoted\", role: \"admin\", regionCode: \"139901000000\") { version } }");
        var key = KeyClient(secret, bearer: true);
        var rows = await WarehouseApp.DataAsync(key, "{ households { totalCount } }");
        Assert.Equal(Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM household WHERE village_code = @v", ("@v", village)),
            rows["households"]!["totalCount"]!.GetValue<long>());
        var (_, issue) = await Graph(key, "mutation { issueApiKey(userId: \"bi-promoted\", expiresAt: \"2099-01-01T00:00:00Z\") { secret } }");
        Assert.NotNull(issue["errors"]);
        var (_, audit) = await Graph(key, "{ auditTrail(first: 1) { id } }");
        Assert.NotNull(audit["errors"]);
        Assert.Equal(1, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_api_key"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Keys_are_issued_only_to_users_with_one_active_data_assignment(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var none = await WarehouseApp.PostAsync(Admin, Issue, new { u = "nobody", e = DateTime.UtcNow.AddDays(1) });
        Assert.Equal("INVALID_API_KEY", WarehouseApp.FirstErrorCode(none));
        await WarehouseApp.DataAsync(Admin, "mutation { assignUser(userId: \"other-admin\", role: \"admin\", regionCode: \"139901000000\") { version } }");
        var admin = await WarehouseApp.PostAsync(Admin, Issue, new { u = "other-admin", e = DateTime.UtcNow.AddDays(1) });
        Assert.Equal("INVALID_API_KEY", WarehouseApp.FirstErrorCode(admin));
        await AssignVillage("bi-past", Village);
        var past = await WarehouseApp.PostAsync(Admin, Issue, new { u = "bi-past", e = DateTime.UtcNow.AddDays(-1) });
        Assert.Equal("INVALID_API_KEY", WarehouseApp.FirstErrorCode(past));
        var unknown = await WarehouseApp.PostAsync(Admin, "mutation { revokeApiKey(id: \"key_nope\") { id } }");
        Assert.Equal("NOT_FOUND", WarehouseApp.FirstErrorCode(unknown));
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_api_key"));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Non_admins_cannot_issue_or_list_keys(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var village = Village;
        await AssignVillage("bi-self", village);
        var reader = _app.ClientFor("village", village, user: "bi-self");
        var issue = await WarehouseApp.PostAsync(reader, Issue, new { u = "bi-self", e = DateTime.UtcNow.AddDays(1) }, expectStatus: null);
        Assert.NotNull(issue["errors"]);
        var list = await WarehouseApp.PostAsync(reader, "{ apiKeys { id } }", expectStatus: null);
        Assert.NotNull(list["errors"]);
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_api_key"));
    }

    // Reads the database file byte by byte: SQLite only.
    [Fact]
    public async Task The_secret_is_not_stored_anywhere_in_the_database()
    {
        _app = new WarehouseApp();
        await AssignVillage("bi-secret", Village);
        var (_, secret) = await IssueFor("bi-secret");
        await WarehouseApp.DataAsync(KeyClient(secret, bearer: true), "{ households { totalCount } }");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(1, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_api_key WHERE secret_hash = @h", ("@h", hash)));
        var tail = secret[4..];
        foreach (var file in new[] { _app.Database.Path, _app.Database.Path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.DoesNotContain(tail, Encoding.UTF8.GetString(copy.ToArray()), StringComparison.Ordinal);
        }
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE detail LIKE @s", ("@s", "%" + tail + "%")));
    }

    public void Dispose() => _app?.Dispose();
}
