using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// Makes request arguments fit for the audit trail, which admins read although they read no data. A filter value
/// on a personal or sensitive field (class PER or SPI in the catalogue) would put that value (a phone number, a
/// name, an ID number) into the trail in clear, so it is replaced by a pseudonym: <c>"sha256:"</c> and the first
/// 12 hex digits of HMAC-SHA256 under a server key (<c>Warehouse:Audit:RedactionKey</c>). The same value gives the
/// same pseudonym, so an investigator holding the key can test a suspected value or see two filters were equal,
/// but nobody reading the trail can read it back. Field names, operators (<c>eq</c>, <c>in</c>, <c>some</c>, …),
/// combinators, nulls and booleans are kept (a boolean or a null test has two outcomes: hashing it would hide
/// nothing), as are values on public and internal fields (codes, ids, years), which investigators need to read.
/// Relation filters are followed into the target entity's fields; a name the catalogue does not know (a filter
/// that would have been refused) has everything beneath it pseudonymised. Sort orders carry field names and
/// directions only, never values, and need no redaction.
/// </summary>
public sealed class AuditRedaction
{
    public const string Prefix = "sha256:";
    private const int HexDigits = 12;
    private static readonly string[] Combinators = ["and", "or", "not"];
    private readonly byte[] _key;

    public AuditRedaction(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The audit redaction key needs at least 16 bytes.", nameof(key));
        }
        _key = key;
    }

    /// <summary>
    /// A JSON-serialisable copy of <paramref name="where"/> (dictionaries, lists, strings, numbers, booleans,
    /// null) in which every value on a personal or sensitive field is pseudonymised. Null stays null.
    /// </summary>
    public object? RedactFilter(EntityDef entity, IDictionary<string, object?>? where) =>
        where is null ? null : Filter(entity, where);

    /// <summary>The pseudonym of one value: <c>sha256:</c> + 12 hex digits of HMAC-SHA256(key, invariant text).</summary>
    public string Pseudonym(object value)
    {
        var text = value switch
        {
            string s => s,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return Prefix + KeyedHash(text, HexDigits).ToLowerInvariant();
    }

    /// <summary>The first <paramref name="hexDigits"/> upper-case hex digits of HMAC-SHA256(key, UTF-8 text).</summary>
    public string KeyedHash(string text, int hexDigits) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)))[..hexDigits];

    private Dictionary<string, object?> Filter(EntityDef entity, IDictionary<string, object?> where)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in where)
        {
            result[name] = name switch
            {
                "and" or "or" => List(value, item => item is IDictionary<string, object?> d ? Filter(entity, d) : Values(item)),
                "not" => value is IDictionary<string, object?> d ? Filter(entity, d) : Values(value),
                _ when entity.Field(name) is { } field => field.Sensitivity >= Sensitivity.Personal ? Values(value) : Copy(value),
                _ when entity.Relation(name) is { } relation => Relation(relation, value),
                _ => Values(value),
            };
        }
        return result;
    }

    /// <summary>A reference: a filter of the target; a list: some/none/all with a filter of the target, any with a boolean.</summary>
    private object? Relation(RelationDef relation, object? value)
    {
        if (value is not IDictionary<string, object?> ops)
        {
            return Values(value);
        }
        if (!relation.IsList)
        {
            return Filter(relation.Target, ops);
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (op, inner) in ops)
        {
            result[op] = inner switch
            {
                IDictionary<string, object?> d when !Combinators.Contains(op) => Filter(relation.Target, d),
                bool b => b,
                _ => Values(inner),
            };
        }
        return result;
    }

    /// <summary>Operators kept, every value beneath pseudonymised (nulls and booleans kept).</summary>
    private object? Values(object? value) => value switch
    {
        null => null,
        bool b => b,
        IDictionary<string, object?> d => d.ToDictionary(p => p.Key, p => Values(p.Value), StringComparer.Ordinal),
        string s => Pseudonym(s),
        IEnumerable e => List(e, Values),
        _ => Pseudonym(value),
    };

    /// <summary>Values of public and internal fields, copied as they are.</summary>
    private static object? Copy(object? value) => value switch
    {
        null or string or bool => value,
        IDictionary<string, object?> d => d.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        IEnumerable e => List(e, Copy),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => Data.Timestamps.ToIso(t),
        _ => value,
    };

    private static List<object?> List(object? value, Func<object?, object?> each) =>
        value is IEnumerable e and not string and not IDictionary ? [.. e.Cast<object?>().Select(each)] : [each(value)];
}
