using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Warehouse.Querying;

/// <summary>
/// Opaque, signed cursors: the sort values of a row and a signature of the order they belong to, with an
/// HMAC so that a tampered or foreign cursor is an <see cref="ErrorCodes.InvalidCursor"/> error, never data.
/// Cursors only ever hold values of fields the reader may sort by, i.e. reads in full.
/// </summary>
public sealed class CursorCodec
{
    private const int MacLength = 16;
    private readonly byte[] _key;

    public CursorCodec(byte[] key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("The cursor key needs at least 16 bytes.", nameof(key));
        }
        _key = key;
    }

    public string Encode(string signature, IReadOnlyList<object?> values)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(signature);
            foreach (var v in values)
            {
                switch (v)
                {
                    case null: w.WriteNullValue(); break;
                    case string s: w.WriteStringValue(s); break;
                    case int i: w.WriteNumberValue(i); break;
                    case long l: w.WriteNumberValue(l); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case DateTime t: w.WriteStringValue(Data.Timestamps.ToIso(t)); break;
                    default: throw new InvalidOperationException($"Cannot put a {v.GetType().Name} in a cursor.");
                }
            }
            w.WriteEndArray();
        }
        var payload = buffer.ToArray();
        var mac = HMACSHA256.HashData(_key, payload).AsSpan(0, MacLength);
        return Base64Url.EncodeToString([.. payload, .. mac]);
    }

    public object?[] Decode(string cursor, string signature, IReadOnlyList<Type> types)
    {
        byte[] raw;
        try
        {
            raw = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            throw Invalid();
        }
        if (raw.Length <= MacLength)
        {
            throw Invalid();
        }
        var payload = raw.AsSpan(0, raw.Length - MacLength);
        var expected = HMACSHA256.HashData(_key, payload).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw.AsSpan(raw.Length - MacLength)))
        {
            throw Invalid();
        }
        using var doc = JsonDocument.Parse(payload.ToArray());
        var items = doc.RootElement.EnumerateArray().ToArray();
        if (items.Length != types.Count + 1 || items[0].ValueKind != JsonValueKind.String || items[0].GetString() != signature)
        {
            throw new QueryException(ErrorCodes.InvalidCursor,
                "The cursor belongs to another query (type, order, where or reader); use a cursor only with the arguments it came from.");
        }
        var values = new object?[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                values[i] = Value(items[i + 1], Nullable.GetUnderlyingType(types[i]) ?? types[i]);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                // Signed but not of the query's types: the key leaked or a bug minted it; either way not data.
                throw Invalid();
            }
        }
        return values;
    }

    private static object? Value(JsonElement e, Type t) =>
        e.ValueKind == JsonValueKind.Null ? null
        : t == typeof(string) ? e.ValueKind == JsonValueKind.String ? e.GetString() : throw new FormatException()
        : t == typeof(int) ? e.GetInt32()
        : t == typeof(long) ? e.GetInt64()
        : t == typeof(bool) ? e.GetBoolean()
        : t == typeof(DateOnly) ? DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t == typeof(DateTime) ? DateTime.ParseExact(e.GetString()!, Data.Timestamps.IsoFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
        : throw new FormatException();

    /// <summary>A short stable signature of an order, so a cursor cannot be replayed under another order.</summary>
    public static string Signature(string typeName, IEnumerable<string> terms) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(typeName + "|" + string.Join(",", terms))), 0, 6);

    private static QueryException Invalid() =>
        new(ErrorCodes.InvalidCursor, "The cursor is malformed or was altered; use a cursor exactly as returned by edges.cursor or pageInfo.");
}
