using System.Globalization;
using System.Text.Json;
using Warehouse.Catalogue;

namespace Warehouse.Querying;

/// <summary>
/// Turns argument values (from GraphQL or from an export's JSON) into the stored representation of a field:
/// amounts in 元 become whole fen, dates become <see cref="DateOnly"/>. Anything that does not fit is an
/// <see cref="ErrorCodes.InvalidValue"/> error naming the path.
/// </summary>
internal static partial class ValueCoercion
{
    /// <summary>Longest text accepted in a filter value.</summary>
    public const int MaxStringLength = 1000;

    public static object? ToStored(FieldDef field, object? raw, string path)
    {
        if (raw is JsonElement json)
        {
            raw = FromJson(json);
        }
        if (raw is null)
        {
            return null;
        }
        var target = Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType;
        try
        {
            return field.Kind switch
            {
                FieldKind.Money => ToFen(raw, path),
                FieldKind.Int => Convert.ToInt32(ToIntegral(raw, path), CultureInfo.InvariantCulture),
                FieldKind.Date => ToDate(raw, path),
                FieldKind.Timestamp => ToTimestamp(raw, path),
                FieldKind.Boolean => raw is bool b ? b : throw Invalid(path, "a Boolean"),
                FieldKind.RegionLevel => raw is string s && s is "COUNTY" or "TOWNSHIP" or "VILLAGE" ? s : throw Invalid(path, "COUNTY, TOWNSHIP or VILLAGE"),
                _ when target == typeof(string) => ToText(raw, path),
                _ => throw Invalid(path, target.Name),
            };
        }
        catch (OverflowException)
        {
            throw Invalid(path, "a value in range");
        }
    }

    /// <summary>
    /// The operand of an as-of condition: a whole number of years or days (within ±100,000, so the dates derived
    /// from it stay in range) for the counting kinds, true or false for the others.
    /// </summary>
    public static object ToAsOfOperand(AsOfDef condition, object? raw, string path)
    {
        if (raw is JsonElement json)
        {
            raw = FromJson(json);
        }
        if (raw is null)
        {
            throw Invalid(path, condition.IsCount ? "a whole number" : "true or false");
        }
        if (!condition.IsCount)
        {
            return raw is bool b ? b : throw Invalid(path, "true or false");
        }
        try
        {
            var n = ToIntegral(raw, path);
            return n is >= -100_000 and <= 100_000 ? (int)n : throw Invalid(path, "a whole number within ±100,000");
        }
        catch (OverflowException)
        {
            throw Invalid(path, "a value in range");
        }
    }

    /// <summary>Stored value → output value: fen become a decimal amount in 元.</summary>
    public static object? ToOutput(FieldDef field, object? stored) =>
        field.Kind == FieldKind.Money && stored is long fen ? fen / 100m : stored;

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDecimal(),
        _ => e,
    };

    private static string ToText(object raw, string path)
    {
        if (raw is not string s)
        {
            throw Invalid(path, "a String");
        }
        if (s.Length > MaxStringLength)
        {
            throw new QueryException(ErrorCodes.InvalidValue, $"{path}: text longer than {MaxStringLength} characters.");
        }
        return s;
    }

    private static long ToFen(object raw, string path)
    {
        var yuan = raw switch
        {
            decimal d => d,
            int i => i,
            long l => l,
            double db when !double.IsNaN(db) && !double.IsInfinity(db) => (decimal)db,
            string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) => p,
            _ => throw Invalid(path, "an amount in 元"),
        };
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new QueryException(ErrorCodes.InvalidValue, $"{path}: amounts have at most two decimal places (whole fen).");
        }
        return decimal.ToInt64(fen);
    }

    private static long ToIntegral(object raw, string path) => raw switch
    {
        int i => i,
        long l => l,
        decimal d when d == decimal.Truncate(d) => decimal.ToInt64(d),
        double db when db == Math.Truncate(db) && Math.Abs(db) < 9e15 => (long)db,
        _ => throw Invalid(path, "a whole number"),
    };

    private static DateOnly ToDate(object raw, string path) => raw switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.Date),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => throw Invalid(path, "a date (yyyy-MM-dd)"),
    };

    /// <summary>
    /// An instant: a DateTime from the GraphQL <c>DateTime</c> scalar, or ISO 8601 text from an export's JSON
    /// (<c>2025-12-30T08:00:00Z</c>, <c>…+08:00</c>). Text without a zone is UTC, as the GraphQL scalar takes it, so
    /// the two paths agree. Anything finer than a millisecond is refused: the columns cannot hold it, and a bound that
    /// silently rounded would select one row too many or too few.
    /// </summary>
    private static DateTime ToTimestamp(object raw, string path)
    {
        DateTime utc = raw switch
        {
            DateTimeOffset dto => dto.UtcDateTime,
            DateTime dt => Data.Timestamps.AsUtc(dt),
            string s when IsoTimestamp().IsMatch(s)
                && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.UtcDateTime,
            _ => throw Invalid(path, "a timestamp in ISO 8601, UTC unless a zone is given (e.g. 2025-12-30T08:00:00Z)"),
        };
        return Data.Timestamps.IsWholeMilliseconds(utc)
            ? utc
            : throw new QueryException(ErrorCodes.InvalidValue, $"{path}: timestamps have at most millisecond precision.");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial System.Text.RegularExpressions.Regex IsoTimestamp();

    private static QueryException Invalid(string path, string expected) =>
        new(ErrorCodes.InvalidValue, $"{path}: expected {expected}.");
}
