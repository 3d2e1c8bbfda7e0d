using Warehouse.Data;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// Reveal needs a real reason (normalised: invisible and control characters removed, at least 4 visible
/// characters, not one character repeated), the normalised reason is what the audit trail stores, every revealed
/// row is one audit record with its record id, and one request reveals at most 50 records: beyond that nothing is
/// revealed at all.
/// </summary>
public sealed class RevealTests : IDisposable
{
    private const string County = "139901000000";
    // Created by each test on its provider (xunit makes a new instance per test case).
    private WarehouseApp _app = null!;

    private string AdultMember(int offset) =>
        Sql.Strings(_app.Database, $"SELECT member_id FROM member WHERE {Minors.Adult()} ORDER BY member_id LIMIT 1 OFFSET {offset}")[0];

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, "    ", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.PostgreSql, "    ", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.Sqlite, "\u200B\u200B\u200B\u200B", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.PostgreSql, "\u200B\u200B\u200B\u200B", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.Sqlite, "\uFEFF\u200D\u200C\u2060\u202E", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.PostgreSql, "\uFEFF\u200D\u200C\u2060\u202E", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.Sqlite, "\u0001\u0002\u0003\u0004", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.PostgreSql, "\u0001\u0002\u0003\u0004", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.Sqlite, "xxxx", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.PostgreSql, "xxxx", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.Sqlite, "核核核核核", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.PostgreSql, "核核核核核", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.Sqlite, "x x x x", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.PostgreSql, "x x x x", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.Sqlite, "a\u200Bb\u200Bc\u200B", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.PostgreSql, "a\u200Bb\u200Bc\u200B", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.Sqlite, "abc", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.PostgreSql, "abc", "REVEAL_REASON_INVALID")]
    [InlineData(DatabaseProvider.Sqlite, "\u3164\u3164\u3164\u3164", "REVEAL_REASON_REQUIRED")]
    [InlineData(DatabaseProvider.PostgreSql, "\u3164\u3164\u3164\u3164", "REVEAL_REASON_REQUIRED")]
    public async Task Invisible_short_or_repeated_reasons_reveal_nothing(DatabaseProvider provider, string reason, string code)
    {
        _app = new WarehouseApp(provider);
        var client = _app.ClientFor("county", County, user: "reveal-bad");
        var id = AdultMember(3);
        var body = await WarehouseApp.PostAsync(client, "query($id: String!, $r: String) { member(id: $id) { idNumber(reveal: $r) } }", new { id, r = reason });
        Assert.Equal(code, WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]!["member"]!["idNumber"]);
        Assert.DoesNotContain(Sql.Text(_app.Database, "SELECT id_number FROM member WHERE member_id = @m", ("@m", id))!, body.ToJsonString(),
            StringComparison.Ordinal);
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'REVEAL' AND user_id = 'reveal-bad'"));
    }

    [ProviderTheory]
    [InlineData(DatabaseProvider.Sqlite, 501, "")]
    [InlineData(DatabaseProvider.PostgreSql, 501, "")]
    [InlineData(DatabaseProvider.Sqlite, 300, " ")]
    [InlineData(DatabaseProvider.PostgreSql, 300, " ")]
    public async Task A_reason_over_500_characters_after_normalising_is_invalid(DatabaseProvider provider, int visible, string gap)
    {
        _app = new WarehouseApp(provider);
        var client = _app.ClientFor("county", County);
        var reason = string.Join(gap, Enumerable.Range(0, visible).Select(i => "核对资格"[i % 4]));
        var body = await WarehouseApp.PostAsync(client, "query($id: String!, $r: String) { member(id: $id) { idNumber(reveal: $r) } }",
            new { id = AdultMember(4), r = reason });
        Assert.Equal("REVEAL_REASON_INVALID", WarehouseApp.FirstErrorCode(body));
        // Exactly 500 after normalising is accepted (invisible characters do not count).
        var longest = string.Concat(Enumerable.Range(0, 500).Select(i => "核对资格"[i % 4] + "\u200B"));
        await WarehouseApp.DataAsync(client, "query($id: String!, $r: String) { member(id: $id) { idNumber(reveal: $r) } }",
            new { id = AdultMember(4), r = longest });
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task The_normalised_reason_is_what_the_audit_trail_stores(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var client = _app.ClientFor("county", County, user: "reveal-normalised");
        var id = AdultMember(5);
        var data = await WarehouseApp.DataAsync(client, "query($id: String!, $r: String) { member(id: $id) { idNumber(reveal: $r) } }",
            new { id, r = "\u200B  核对\u200D低保\u0007资格\tcase\r\n2025-118 \uFEFF" });
        Assert.Equal(Sql.Text(_app.Database, "SELECT id_number FROM member WHERE member_id = @m", ("@m", id)), data["member"]!["idNumber"]!.GetValue<string>());
        Assert.Equal("核对低保资格 case 2025-118",
            Sql.Text(_app.Database, "SELECT reason FROM sec_audit_record WHERE kind = 'REVEAL' AND user_id = 'reveal-normalised' AND record_id = @m",
            ("@m", id)));
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task A_page_of_50_revealed_rows_is_50_audit_records_each_with_its_record_id(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var client = _app.ClientFor("county", County, user: "reveal-page");
        var data = await WarehouseApp.DataAsync(client, "{ members(first: 50, order: [{id: ASC}]) { nodes { id idNumber(reveal: \"核对医疗救助名单 2025-07\") } } }");
        var nodes = data["members"]!["nodes"]!.AsArray();
        var expectedIds = Sql.Strings(_app.Database, $"SELECT member_id FROM member WHERE {Minors.Adult()} ORDER BY member_id LIMIT 50");
        Assert.Equal(expectedIds, nodes.Select(n => n!["id"]!.GetValue<string>()).ToList());
        foreach (var node in nodes)
        {
            Assert.Equal(Sql.Text(_app.Database, "SELECT id_number FROM member WHERE member_id = @m", ("@m", node!["id"]!.GetValue<string>())),
                node["idNumber"]!.GetValue<string>());
        }
        var recorded = Sql.Strings(_app.Database,
            "SELECT record_id FROM sec_audit_record WHERE kind = 'REVEAL' AND user_id = 'reveal-page' AND type_name = 'Member' AND field_name = " +
            "'idNumber' AND reason = '核对医疗救助名单 2025-07' ORDER BY record_id");
        Assert.Equal(expectedIds, recorded);
    }

    [ProviderTheory]
    [MemberData(nameof(Providers.Each), MemberType = typeof(Providers))]
    public async Task Revealing_more_than_50_records_in_one_request_reveals_nothing(DatabaseProvider provider)
    {
        _app = new WarehouseApp(provider);
        var client = _app.ClientFor("county", County, user: "reveal-bulk");
        var body = await WarehouseApp.PostAsync(client, "{ members(first: 51, order: [{id: ASC}]) { nodes { id idNumber(reveal: \"核对医疗救助名单 2025-07\") } } }");
        Assert.Equal("REVEAL_LIMIT_EXCEEDED", WarehouseApp.FirstErrorCode(body));
        Assert.Null(body["data"]);
        var text = body.ToJsonString();
        foreach (var idNumber in Sql.Strings(_app.Database, $"SELECT id_number FROM member WHERE {Minors.Adult()} ORDER BY member_id LIMIT 51"))
        {
            Assert.DoesNotContain(idNumber, text, StringComparison.Ordinal);
        }
        Assert.Equal(0, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'REVEAL' AND user_id = 'reveal-bulk'"));

        // The cap counts records, not fields: name and idNumber of the same 50 members are within it.
        var both = await WarehouseApp.DataAsync(client,
            "{ members(first: 50, order: [{id: ASC}]) { nodes { name(reveal: \"核对医疗救助名单 2025-07\") idNumber(reveal: \"核对医疗救助名单 2025-07\") } } }");
        Assert.Equal(50, both["members"]!["nodes"]!.AsArray().Count);
        Assert.Equal(100, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE kind = 'REVEAL' AND user_id = 'reveal-bulk'"));
    }

    public void Dispose() => _app?.Dispose();
}
