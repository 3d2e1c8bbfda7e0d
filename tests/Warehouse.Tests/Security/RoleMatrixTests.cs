using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Security;
using Warehouse.Tests.Infrastructure;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>
/// The named matrix: for each role (and an admin without a data role), each type and each field, what actually
/// comes back over HTTP: full (equal to the stored value, read by SQL), masked(kind) (equal, row by row, to what
/// that mask gives for the stored value; anything else is reported as wrong-mask and fails) or rejected (absent
/// from the role's schema). Snapshot-compared, so any change in who sees what is a reviewed diff.
/// </summary>
public sealed class RoleMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Matrix()
    {
        var roles = new (string Role, string? Region)[] { ("county", fixture.County), ("township", fixture.Township), ("village", fixture.Village),
            ("admin", null) };
        var report = new StringBuilder();
        foreach (var (role, region) in roles)
        {
            var client = fixture.App.ClientFor(role, region);
            foreach (var entity in WarehouseCatalogue.Default.Exposed)
            {
                var outcomes = await Outcomes(client, entity, region);
                report.Append(CultureInfo.InvariantCulture, $"{role,-8} {entity.TypeName,-14} ")
                    .AppendJoin(' ', entity.Fields.Select(f => $"{f.Name}={outcomes[f.Name]}")).Append('\n');
            }
            report.Append(CultureInfo.InvariantCulture, $"{role,-8} minors (<14)   {await MinorOutcome(client)}\n");
        }
        Assert.DoesNotContain("wrong-mask", report.ToString(), StringComparison.Ordinal);
        Snapshot.Match(report.ToString());
    }

    private async Task<Dictionary<string, string>> Outcomes(HttpClient client, EntityDef entity, string? region)
    {
        var introspection = await WarehouseApp.PostAsync(client, "query($t: String!) { __type(name: $t) { fields { name } } }", new { t = entity.TypeName });
        var present = introspection["data"]?["__type"]?["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToHashSet() ?? [];
        var result = entity.Fields.ToDictionary(f => f.Name, f => present.Contains(f.Name) ? "?" : "rejected");
        var readable = entity.Fields.Where(f => present.Contains(f.Name)).ToList();
        if (readable.Count == 0)
        {
            return result;
        }
        // Rows of adults only: minors' records follow their own rule, reported on a line of their own.
        var where = entity.Minors is null
            ? "" : $", where: {{{entity.Key.Name}: {{in: [{string.Join(',', AdultKeys(entity, region).Select(k => $"\"{k}\""))}]}}}}";
        var query = $"{{ {entity.ListField}(first: 40, order: [{{{entity.Key.Name}: ASC}}]{where}) " +
            $"{{ nodes {{ {string.Join(' ', readable.Select(f => f.Name))} }} }} }}";
        var rows = (await WarehouseApp.DataAsync(client, query))[entity.ListField]!["nodes"]!.AsArray();
        var stored = StoredRows(entity, rows.Select(r => r![entity.Key.Name]!.GetValue<string>()).ToList());
        foreach (var field in readable)
        {
            var compared = rows.Select(r => stored[r![entity.Key.Name]!.GetValue<string>()])
                .Zip(rows, (row, node) => (Shown: field.Kind == FieldKind.Timestamp ? Instant(Text(node![field.Name])) : Text(node![field.Name]),
                    Stored: Normalize(field, row[field.Column]), Masked: MaskOf(entity, field, row)))
                .Where(p => p.Stored is not null).ToList();
            result[field.Name] = compared.Count == 0 ? "full(no values)"
                : compared.All(p => p.Shown == p.Stored) ? "full"
                : field.Mask != MaskKind.None && compared.All(p => p.Shown == p.Masked) ? $"masked({field.Mask})"
                : "wrong-mask";
        }
        return result;
    }

    /// <summary>
    /// Adults' rows of the role's region (the first 40 of the county would not be in a village's scope), or records
    /// about adults or about no one (the view's subject birth date).
    /// </summary>
    private List<string> AdultKeys(EntityDef entity, string? region)
    {
        var birth = entity.Minors!.Column ?? "birth_date";
        return Sql.Strings(fixture.App.Database, $"""
            SELECT {entity.Key.Column} FROM {DbNames.QuotedView(DatabaseProvider.Sqlite, entity.View)}
            WHERE ({birth} IS NULL OR {birth} <= date('now', '-14 years')) AND @r IN (county_code, township_code, village_code)
            ORDER BY {entity.Key.Column} LIMIT 40
            """, ("@r", region ?? ""));
    }

    /// <summary>What a role gets of a minor's member record: not found (aggregate-only), masked, or full.</summary>
    private async Task<string> MinorOutcome(HttpClient client)
    {
        var (id, name) = (Sql.Strings(fixture.App.Database,
            $"SELECT member_id FROM member WHERE NOT ({Minors.Adult()}) AND village_code = @v ORDER BY member_id LIMIT 1", ("@v", fixture.Village))[0],
            Sql.Strings(fixture.App.Database, $"SELECT name FROM member WHERE NOT ({Minors.Adult()}) AND village_code = @v ORDER BY member_id LIMIT 1",
                ("@v", fixture.Village))[0]);
        var body = await WarehouseApp.PostAsync(client, "query($id: String!) { member(id: $id) { name healthStatus } }", new { id }, expectStatus: null);
        if (body["errors"] is not null && body["data"] is null)
        {
            return "rejected";
        }
        var member = body["data"]!["member"];
        return member is null ? "rows=hidden(aggregate-only)"
            : member["name"]!.GetValue<string>() == name ? "rows=full" : $"rows=masked healthStatus={(member["healthStatus"] is null ? "withheld" : "shown")}";
    }

    private Dictionary<string, Dictionary<string, object?>> StoredRows(EntityDef entity, List<string> keys)
    {
        using var c = fixture.App.Database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {DbNames.QuotedView(DatabaseProvider.Sqlite, entity.View)} WHERE {entity.Key.Column} IN " +
            $"({string.Join(',', keys.Select((_, i) => "@k" + i))})";
        for (var i = 0; i < keys.Count; i++)
        {
            cmd.Parameters.AddWithValue("@k" + i, keys[i]);
        }
        using var reader = cmd.ExecuteReader();
        var rows = new Dictionary<string, Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
            rows[(string)row[entity.Key.Column]!] = row;
        }
        return rows;
    }

    /// <summary>What the field's mask gives for the stored row (the mask's own output, sibling columns included).</summary>
    private static string? MaskOf(EntityDef entity, FieldDef field, Dictionary<string, object?> row) =>
        field.Mask == MaskKind.None ? null
            : Masks.Apply(field.Mask, row[field.Column], name => entity.Fields.FirstOrDefault(f => f.Property.Name == name) is { } sibling
                ? row[sibling.Column] : null);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray a => string.Join(',', a.Select(x => x!.GetValue<string>())),
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.GetValue<string>(),
    };

    /// <summary>An ISO 8601 UTC time as its instant, in one spelling.</summary>
    private static string? Instant(string? iso) => iso is null ? null
        : DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).ToString("O", CultureInfo.InvariantCulture);

    private static string? Normalize(FieldDef field, object? stored) => stored switch
    {
        null => null,
        long fen when field.Kind == FieldKind.Money => (fen / 100m).ToString(CultureInfo.InvariantCulture),
        long b when field.Kind == FieldKind.Boolean => b != 0 ? "true" : "false",
        // Stored 'yyyy-MM-dd HH:mm:ss.fff' UTC; compared as the instant (JSON may drop trailing zeros of the fraction).
        string t when field.Kind == FieldKind.Timestamp => Instant(t.Replace(' ', 'T') + "Z"),
        _ => Convert.ToString(stored, CultureInfo.InvariantCulture),
    };
}
