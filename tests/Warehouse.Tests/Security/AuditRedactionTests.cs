using System.Security.Cryptography;
using System.Text;
using Warehouse.Tests.Exports;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// The admin reads the audit trail but no data: filter values on personal fields never reach it in clear.
/// A household with a planted phone number and a member with a planted name are exported by filters on those
/// values (directly and through a relation), as rows and as an aggregate, and read through the graph; then the
/// admin reads the whole trail and the raw table: neither value appears, and each is there as the keyed
/// pseudonym an investigator with the key can recompute.
/// </summary>
public sealed class AuditRedactionTests : IDisposable
{
    private const string Phone = "18412345678";
    private const string Name = "欧阳测试娜";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("audit-redaction-test-key-32-bytes!!");
    private readonly WarehouseApp _app = new(("Warehouse:Audit:RedactionKey", Convert.ToBase64String(Key)));

    [Fact]
    public async Task Filter_values_on_personal_fields_are_pseudonymised_in_every_audit_record()
    {
        var household = Sql.Strings(_app.Database,
            $"SELECT household_id FROM household h WHERE EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.household_id AND " +
            $"{Minors.Adult("m.")}) ORDER BY household_id LIMIT 1")[0];
        var village = Sql.Strings(_app.Database, "SELECT village_code FROM household WHERE household_id = @h", ("@h", household))[0];
        var member = Sql.Strings(_app.Database, $"SELECT member_id FROM member m WHERE household_id = @h AND {Minors.Adult("m.")} ORDER BY member_id LIMIT 1",
            ("@h", household))[0];
        Sql.Execute(_app.Database, $"UPDATE household SET phone = '{Phone}' WHERE household_id = '{household}'");
        Sql.Execute(_app.Database, $"UPDATE member SET name = '{Name}' WHERE member_id = '{member}'");
        var client = _app.ClientFor("village", village, user: "redaction-reader");

        var where = "{\"phone\":{\"eq\":\"" + Phone + "\"},\"members\":{\"some\":{\"name\":{\"in\":[\"" + Name + "\"]}}},\"villageCode\":{\"eq\":\"" + village
            + "\"}}";
        var rows = await ExportHttp.CsvAsync(client, ExportHttp.Url("households.csv", fields: "id,phone", where: where));
        Assert.Equal([household, Phone], rows.Single(r => r[0] != "id")); // the filter really found the planted row
        var memberRows = await ExportHttp.CsvAsync(client, ExportHttp.Url("members.csv", fields: "id", where: "{\"or\":[{\"household\":{\"phone\":{\"eq\":\""
            + Phone + "\"}}},{\"name\":{\"eq\":\"" + Name + "\"}}]}"));
        Assert.Contains([member], memberRows);
        var aggregate = await ExportHttp.CsvAsync(client, "/export/aggregate/households.csv?measures=count&where=" + Uri.EscapeDataString(where));
        Assert.Equal("1", aggregate[1][0]);
        var graph = await WarehouseApp.DataAsync(client, "query Find($p: String) { households(where: {phone: {eq: $p}}) { nodes { id phone } } }",
            new { p = Phone });
        Assert.Equal(household, graph["households"]!["nodes"]![0]!["id"]!.GetValue<string>());

        // What the admin reads: every record of the reader, through the graph, and the raw rows.
        var admin = _app.ClientFor("admin", null);
        var trail = await WarehouseApp.PostAsync(admin, "{ auditTrail(userId: \"redaction-reader\", first: 500) { kind operation documentHash detail } }");
        var trailText = trail.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var raw = string.Join('\n',
            Sql.Strings(_app.Database,
            "SELECT IFNULL(detail, '') || ' ' || IFNULL(operation, '') || ' ' || IFNULL(document_hash, '') FROM sec_audit_record WHERE user_id = " +
            "'redaction-reader'"));
        // Row exports write started + completed, the aggregate export one record: 2 + 2 + 1.
        Assert.Equal(5, Sql.Scalar(_app.Database, "SELECT COUNT(*) FROM sec_audit_record WHERE user_id = 'redaction-reader' AND kind = 'EXPORT'"));
        foreach (var text in new[] { trailText, raw })
        {
            Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("12345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain("测试", text, StringComparison.Ordinal);
        }
        // Each value is there as its pseudonym, so equal values correlate for whoever holds the key.
        Assert.Contains(Pseudonym(Phone), raw, StringComparison.Ordinal);
        Assert.Contains(Pseudonym(Name), raw, StringComparison.Ordinal);
        // Values on internal fields (the village code) stay readable: investigators need them.
        Assert.Contains(village,
            Sql.Strings(_app.Database,
            "SELECT detail FROM sec_audit_record WHERE user_id = 'redaction-reader' AND operation = 'households.csv' AND detail LIKE '%started%'")[0],
            StringComparison.Ordinal);
    }

    private static string Pseudonym(string value) =>
        "sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(value)))[..12];

    public void Dispose() => _app.Dispose();
}
