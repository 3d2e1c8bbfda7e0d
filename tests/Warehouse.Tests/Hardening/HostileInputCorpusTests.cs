using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Warehouse.Security;
using Warehouse.Tests.Database;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Hardening;

/// <summary>
/// The hostile-input corpus (Hardening/Corpus/*.json, see docs/hardening.md): every case is sent as written to the
/// API on a real Kestrel socket (raw cases byte for byte) and must get exactly its status and first error code (or
/// no error and the expected data); the server's log must hold no error (no unhandled exception, no INTERNAL_ERROR)
/// for it; afterwards the server must still answer a normal query and no table may have gained, lost or changed rows.
/// </summary>
public sealed class HostileInputCorpusTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private const string DefaultAccept = "application/graphql-response+json";
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> Corpus = new(Load);
    // The body carries the text as written (no \u0022 for quotes, CJK as UTF-8), so sizes are what the case says.
    private static readonly JsonSerializerOptions Verbatim = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Corpus.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_200_cases_in_every_category()
    {
        Assert.True(Corpus.Value.Count >= 200, $"{Corpus.Value.Count} cases");
        var categories = Corpus.Value.Values.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.Count());
        string[] required =
        [
            "syntax", "unknown", "wrong-type", "depth", "aliases", "fragments", "circular-fragments", "in-list", "long-string",
            "utf8", "sql-injection", "bad-json", "content-type", "oversized", "cursor", "token", "field-access",
            "cost", "http-framing", "encoding", "export", "admin", "introspection", "like", "money", "batching",
        ];
        foreach (var category in required)
        {
            Assert.True(categories.GetValueOrDefault(category) > 0, $"no case in category {category}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_gets_its_exact_status_and_code_and_the_server_goes_on(string name)
    {
        var c = Corpus.Value[name];
        var before = Snapshot();

        fixture.App.Problems.Clear();

        int status;
        string text;
        if (c.Raw is not null)
        {
            (status, text) = await SendRawAsync(c);
        }
        else
        {
            using var request = await BuildAsync(c);
            using var client = fixture.App.CreateClient();
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync();
        }

        Assert.True(status == c.ExpectStatus, $"{name}: HTTP {status} (expected {c.ExpectStatus}): {Clip(text)}");
        // No stack trace in any answer (the developer exception page is on in this environment).
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        // Nothing this case did may have been logged as an error: no unhandled exception, no INTERNAL_ERROR.
        Assert.True(fixture.App.Problems.Entries.Count == 0, $"{name}: the server logged: {string.Join(" | ", fixture.App.Problems.Entries)}");
        if (c.ExpectJson == false)
        {
            // Kestrel's own answer to a request it could not even parse (bad request line, huge headers): no body.
            Assert.True(c.ExpectCode is null, $"{name}: a case without a JSON body cannot expect a code");
            await StillAnswers();
            return;
        }
        JsonObject? body = null;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }
        Assert.True(body is not null, $"{name}: the body is not a JSON object: {Clip(text)}");
        var errors = body!["errors"] as JsonArray;
        if (c.ExpectCode is null)
        {
            Assert.True(errors is null, $"{name}: expected no error: {Clip(text)}");
        }
        else
        {
            Assert.True(errors is { Count: > 0 }, $"{name}: expected {c.ExpectCode}: {Clip(text)}");
            // Every error carries a code; the first is the one asserted.
            Assert.All(errors!, e => Assert.False(string.IsNullOrEmpty(e?["extensions"]?["code"]?.GetValue<string>()), $"{name}: uncoded error: {Clip(text)}"));
            Assert.True(WarehouseApp.FirstErrorCode(body) == c.ExpectCode,
                $"{name}: code {WarehouseApp.FirstErrorCode(body)} (expected {c.ExpectCode}): {Clip(text)}");
            Assert.DoesNotContain("Exception", errors!.ToJsonString(), StringComparison.Ordinal);
        }
        foreach (var (path, expected) in c.ExpectData ?? [])
        {
            var actual = At(body, path);
            Assert.True(JsonNode.DeepEquals(actual, expected),
                $"{name}: {path} is {actual?.ToJsonString() ?? "null"} (expected {expected?.ToJsonString() ?? "null"})");
        }

        // Harmless: nothing was dropped, added or changed, and the server answers a normal query.
        Assert.Equal(before, Snapshot());
        await StillAnswers();
    }

    private async Task StillAnswers()
    {
        var still = await WarehouseApp.DataAsync(fixture.App.ClientFor("county", fixture.County),
            "{ regions(first: 1) { totalCount } households(first: 1) { totalCount } }");
        Assert.True(still["households"]!["totalCount"]!.GetValue<int>() > 0);
    }

    /// <summary>A raw case: its text (CRLF line ends, placeholders filled) and optional raw body bytes, sent over a socket.</summary>
    private async Task<(int Status, string Text)> SendRawAsync(CorpusCase c)
    {
        var vars = await PlaceholdersAsync(c);
        var head = c.Raw!;
        foreach (var (key, value) in vars)
        {
            head = head.Replace(key, value, StringComparison.Ordinal);
        }
        head = head.Replace("$TOKEN$", fixture.App.Token("county", fixture.County), StringComparison.Ordinal)
            .Replace("$ADMIN_TOKEN$", fixture.App.Token("admin", null), StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(head).Concat(c.BodyBase64 is null ? [] : Convert.FromBase64String(c.BodyBase64)).ToArray();
        var response = await RawHttp.SendAsync(fixture.BaseAddress.Port, bytes, c.HalfClose, TimeSpan.FromSeconds(c.WaitSeconds ?? 15));
        return (response.Status, response.Body);
    }

    private async Task<HttpRequestMessage> BuildAsync(CorpusCase c)
    {
        var vars = await PlaceholdersAsync(c);
        string Expand(string s)
        {
            foreach (var (key, value) in vars)
            {
                s = s.Replace(key, value, StringComparison.Ordinal);
            }
            return s;
        }

        var method = new HttpMethod(c.Method ?? "POST");
        var uri = Expand(c.Path ?? "/graphql") + (c.QueryString is null ? "" : "?" + Expand(c.QueryString));
        var request = new HttpRequestMessage(method, uri);
        byte[]? bytes = null;
        if (c.BodyBase64 is not null)
        {
            bytes = Convert.FromBase64String(c.BodyBase64);
        }
        else if (c.Body is not null)
        {
            bytes = Encoding.UTF8.GetBytes(Expand(c.Body));
        }
        else if (c.Query is not null || c.Variables is not null || c.OperationName is not null)
        {
            var json = new JsonObject();
            if (c.Query is not null)
            {
                json["query"] = Expand(c.Query);
            }
            if (c.Variables is not null)
            {
                json["variables"] = JsonNode.Parse(Expand(c.Variables.ToJsonString(Verbatim)));
            }
            if (c.OperationName is not null)
            {
                json["operationName"] = c.OperationName;
            }
            bytes = Encoding.UTF8.GetBytes(json.ToJsonString(Verbatim));
        }
        if (bytes is not null)
        {
            var content = new ByteArrayContent(bytes);
            var contentType = c.ContentType ?? "application/json";
            if (contentType.Length > 0)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            request.Content = content;
        }
        var accept = c.Accept ?? DefaultAccept;
        if (accept.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (Authorization(c.Token ?? "county") is { } auth)
        {
            request.Headers.TryAddWithoutValidation("Authorization", auth);
        }
        foreach (var (key, value) in c.Headers ?? [])
        {
            // Content-* headers belong to the content (Content-Encoding: gzip on a body); the rest to the request.
            if (key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
            {
                request.Content.Headers.Remove(key);
                request.Content.Headers.TryAddWithoutValidation(key, value);
                continue;
            }
            request.Headers.Remove(key);
            request.Headers.TryAddWithoutValidation(key, value);
        }
        return request;
    }

    /// <summary>Values known only at run time, and the case's own repeated text (huge lists, long strings).</summary>
    private async Task<Dictionary<string, string>> PlaceholdersAsync(CorpusCase c)
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, repeat) in c.Expand ?? [])
        {
            vars[key] = string.Join(repeat.Separator ?? "", Enumerable.Repeat(repeat.Item, repeat.Count));
        }
        var all = (c.Query ?? "") + (c.Body ?? "") + (c.QueryString ?? "") + (c.Path ?? "") + (c.Raw ?? "") + (c.Variables?.ToJsonString() ?? "");
        if (all.Contains("$CURSOR", StringComparison.Ordinal))
        {
            var county = fixture.App.ClientFor("county", fixture.County);
            var cursor = await EndCursor(county, "{ households(first: 1) { pageInfo { endCursor } } }", "households");
            vars["$CURSOR_TAMPERED$"] = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];
            vars["$CURSOR_TRUNCATED$"] = cursor[..(cursor.Length / 2)];
            vars["$CURSOR_EXTENDED$"] = cursor + "AAAA";
            vars["$CURSOR_SIZE_ORDER$"] = await EndCursor(county, "{ households(first: 1, order: [{householdSize: ASC}]) { pageInfo { endCursor } } }",
                "households");
            vars["$CURSOR_REGIONS$"] = await EndCursor(county, "{ regions(first: 1) { pageInfo { endCursor } } }", "regions");
            vars["$CURSOR_MEMBERS$"] = await EndCursor(county, "{ members(first: 1) { pageInfo { endCursor } } }", "members");
            // Signed by this server, but taken under another filter: the context changed, the signature did not.
            vars["$CURSOR_FILTERED$"] = await EndCursor(county, "{ households(first: 1, where: {householdSize: {gt: 3}}) { pageInfo { endCursor } } }",
                "households");
            vars["$CURSOR$"] = cursor;
        }
        vars["$VILLAGE$"] = fixture.Village;
        return vars;
    }

    private static async Task<string> EndCursor(HttpClient client, string query, string root) =>
        (await WarehouseApp.DataAsync(client, query))[root]!["pageInfo"]!["endCursor"]!.GetValue<string>();

    private string? Authorization(string token)
    {
        var issuer = fixture.App.Issuer;
        var options = issuer.Options;
        string Other(string? issuerName = null, string? audience = null, string? key = null, string role = "county", string? region = "139901000000",
            TimeSpan? lifetime = null, DateTime? notBefore = null) =>
            new LocalTokenIssuer(new LocalIssuerOptions
            {
                Issuer = issuerName ?? options.Issuer,
                Audience = audience ?? options.Audience,
                SigningKey = key ?? WarehouseApp.SigningKey,
            }).Issue("corpus-user", role, region, lifetime ?? TimeSpan.FromMinutes(10), notBefore);
        return token switch
        {
            "county" => "Bearer " + fixture.App.Token("county", fixture.County),
            "township" => "Bearer " + fixture.App.Token("township", fixture.Township),
            "village" => "Bearer " + fixture.App.Token("village", fixture.Village),
            "admin" => "Bearer " + fixture.App.Token("admin", null),
            "none" => null,
            "empty-bearer" => "Bearer ",
            "garbage" => "Bearer not.a.token",
            "random-text" => "Bearer " + new string('x', 300),
            "basic" => "Basic " + Convert.ToBase64String("admin:admin"u8.ToArray()),
            "expired" => "Bearer " + Other(notBefore: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromMinutes(5)),
            "not-yet-valid" => "Bearer " + Other(notBefore: DateTime.UtcNow.AddHours(2)),
            "wrong-audience" => "Bearer " + Other(audience: "another-api"),
            "wrong-issuer" => "Bearer " + Other(issuerName: "someone-else"),
            "forged" => "Bearer " + Other(key: Convert.ToBase64String(new byte[32])),
            "alg-none" => "Bearer " + Unsigned(options),
            "tampered-payload" => "Bearer " + Tamper(fixture.App.Token("village", fixture.Village)),
            "unknown-role" => "Bearer " + Other(role: "superuser"),
            "role-region-mismatch" => "Bearer " + Other(role: "village", region: "139901000000"),
            "no-region" => "Bearer " + Other(role: "township", region: null),
            _ => throw new InvalidOperationException($"Unknown token kind '{token}' in the corpus."),
        };
    }

    private static string Unsigned(LocalIssuerOptions options) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = options.Issuer,
        Audience = options.Audience,
        Claims = new Dictionary<string, object> { ["sub"] = "corpus-user", ["roles"] = "county", ["region_code"] = "139901000000" },
        Expires = DateTime.UtcNow.AddMinutes(10),
    });

    /// <summary>A genuine village token whose payload is rewritten to claim the county role (signature left as is).</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["roles"] = "county";
        payload["region_code"] = "139901000000";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>
    /// The schema objects and a fingerprint of every row of every table, tables read from the database itself (a
    /// hand-kept list once missed three): the audit trail is left out, because the corpus's own reads are audited.
    /// </summary>
    private string Snapshot()
    {
        var db = fixture.App.Database;
        var objects = Sql.Strings(db, "SELECT type || ':' || name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger', 'index') ORDER BY 1");
        var tables = Sql.Strings(db,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('sec_audit_record') ORDER BY 1");
        Assert.Contains("household", tables);
        return string.Join(',', objects) + "|" + string.Join(',', tables.Select(t => $"{t}={Sql.Fingerprint(db, t)}"));
    }

    private static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonArray array && int.TryParse(part, out var i) ? (i < array.Count ? array[i] : null) : node?[part];
        }
        return node;
    }

    private static string Clip(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private static Dictionary<string, CorpusCase> Load()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "Warehouse.Tests", "Hardening", "Corpus");
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true
        };
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var c in JsonSerializer.Deserialize<List<CorpusCase>>(File.ReadAllText(file), options) ?? [])
            {
                if (string.IsNullOrWhiteSpace(c.Name) || !cases.TryAdd(c.Name, c))
                {
                    throw new InvalidOperationException($"{Path.GetFileName(file)}: case name '{c.Name}' is missing or not unique.");
                }
            }
        }
        return cases;
    }

    /// <summary>One corpus case; see docs/hardening.md for the fields.</summary>
    public sealed class CorpusCase
    {
        public string Name { get; set; } = "";
        public string Category { get; set; } = "";
        public string? Method { get; set; }
        public string? ContentType { get; set; }
        public string? Accept { get; set; }
        public Dictionary<string, string>? Headers { get; set; }
        public string? Token { get; set; }
        public string? Query { get; set; }
        public JsonNode? Variables { get; set; }
        public string? OperationName { get; set; }
        public string? Body { get; set; }
        public string? BodyBase64 { get; set; }
        public string? QueryString { get; set; }
        public Dictionary<string, Repeat>? Expand { get; set; }
        public int ExpectStatus { get; set; }
        public string? ExpectCode { get; set; }
        public Dictionary<string, JsonNode?>? ExpectData { get; set; }
        public string? Note { get; set; }
        /// <summary>Request path (default /graphql), e.g. /export/households.csv; placeholders are filled.</summary>
        public string? Path { get; set; }
        /// <summary>A raw HTTP/1.1 request (request line, headers, blank line, body text) sent as is over a socket; bodyBase64 is appended.</summary>
        public string? Raw { get; set; }
        /// <summary>Raw cases: shut down the sending side after the bytes.</summary>
        public bool HalfClose { get; set; }
        /// <summary>Raw cases: how long to wait for the answer (default 15 s).</summary>
        public double? WaitSeconds { get; set; }
        /// <summary>false: the answer is Kestrel's own, with no body (a request line or headers it refuses).</summary>
        public bool? ExpectJson { get; set; }
    }

    /// <summary>Text repeated <see cref="Count"/> times with a separator, substituted for its key.</summary>
    public sealed class Repeat
    {
        public string Item { get; set; } = "";
        public int Count { get; set; }
        public string? Separator { get; set; }
    }
}
