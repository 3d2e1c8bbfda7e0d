using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Warehouse.Catalogue;
using Warehouse.Security;
using Xunit;

namespace Warehouse.Tests.Security;

/// <summary>The redaction helper on filter shapes: which values are pseudonymised, which are kept, and relations followed.</summary>
public sealed class AuditRedactionUnitTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly AuditRedaction Redaction = new(Key);
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string P(string value) => "sha256:" + Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(value)))[..12];

    private static string Redact(string type, string whereJson)
    {
        var where = ToPlain(JsonDocument.Parse(whereJson).RootElement) as IDictionary<string, object?>;
        return JsonSerializer.Serialize(Redaction.RedactFilter(WarehouseCatalogue.Default.Require(type), where), Json);
    }

    [Theory]
    // Personal and sensitive fields: values pseudonymised, operators kept.
    [InlineData("Household", """{"phone":{"eq":"18412345678"}}""", """{"phone":{"eq":"P(18412345678)"}}""")]
    [InlineData("Member", """{"name":{"in":["王小明","李四"]}}""", """{"name":{"in":["P(王小明)","P(李四)"]}}""")]
    [InlineData("Member", """{"idNumber":{"startsWith":"139901"}}""", """{"idNumber":{"startsWith":"P(139901)"}}""")]
    [InlineData("Household", """{"perCapitaNetIncome":{"lt":8500}}""", """{"perCapitaNetIncome":{"lt":"P(8500)"}}""")]
    [InlineData("Household", """{"riskTypes":{"some":{"eq":"因病"}}}""", """{"riskTypes":{"some":{"eq":"P(因病)"}}}""")]
    // Nulls and booleans carry nothing to hide; public and internal fields stay readable.
    [InlineData("Household", """{"phone":{"eq":null},"waterSafe":{"eq":true}}""", """{"phone":{"eq":null},"waterSafe":{"eq":true}}""")]
    [InlineData("Household", """{"villageCode":{"eq":"139901101202"},"id":{"in":["H1"]}}""", """{"villageCode":{"eq":"139901101202"},"id":{"in":["H1"]}}""")]
    // Combinators and relations (list relations with some/none/all/any, references) are followed into the target.
    [InlineData("Household", """{"or":[{"phone":{"eq":"1"}},{"not":{"members":{"some":{"name":{"eq":"张三"},"id":{"eq":"M1"}}}}}]}""",
        """{"or":[{"phone":{"eq":"P(1)"}},{"not":{"members":{"some":{"name":{"eq":"P(张三)"},"id":{"eq":"M1"}}}}}]}""")]
    [InlineData("Household", """{"members":{"any":true,"none":{"birthDate":{"gte":"2012-01-01"}}}}""",
        """{"members":{"any":true,"none":{"birthDate":{"gte":"P(2012-01-01)"}}}}""")]
    [InlineData("Job", """{"member":{"household":{"phone":{"eq":"139"}}}}""", """{"member":{"household":{"phone":{"eq":"P(139)"}}}}""")]
    [InlineData("Project", """{"beneficiaries":{"some":{"address":{"startsWith":"一组"}}},"year":{"eq":2024}}""",
        """{"beneficiaries":{"some":{"address":{"startsWith":"P(一组)"}}},"year":{"eq":2024}}""")]
    // A name the catalogue does not know: everything beneath it is pseudonymised.
    [InlineData("Household", """{"nickname":{"eq":"小明"}}""", """{"nickname":{"eq":"P(小明)"}}""")]
    public void Redacts(string type, string where, string expected)
    {
        var resolved = System.Text.RegularExpressions.Regex.Replace(expected, @"P\(([^)]*)\)", m => P(m.Groups[1].Value));
        Assert.Equal(resolved, Redact(type, where));
    }

    [Fact]
    public void Equal_values_give_equal_pseudonyms_and_another_key_gives_others()
    {
        Assert.Equal(Redaction.Pseudonym("18412345678"), Redaction.Pseudonym("18412345678"));
        Assert.NotEqual(Redaction.Pseudonym("18412345678"), Redaction.Pseudonym("18412345679"));
        Assert.NotEqual(Redaction.Pseudonym("18412345678"), new AuditRedaction(RandomNumberGenerator.GetBytes(32)).Pseudonym("18412345678"));
        Assert.Null(Redaction.RedactFilter(WarehouseCatalogue.Default.Require("Household"), null));
    }

    private static object? ToPlain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
