using System.Globalization;
using Warehouse.Import.Specs;

namespace Warehouse.Import.Validation;

/// <summary>
/// Checks one cell against its column: required, type, range, length, vocabulary, ID check digit, region code
/// format. References and region existence need the warehouse and are checked by the row validator.
/// </summary>
internal static class CellParser
{
    private static readonly char[] ListSeparators = ['、', '，', ',', ';', '；', '/', ' '];

    public static ParseResult Parse(ColumnSpec spec, string? raw, ColumnRules? rules = null)
    {
        rules ??= ColumnRules.None;
        var text = raw?.Trim() ?? "";
        if (text.Length > 0 && rules.Values is { } map && map.TryGetValue(text, out var mapped))
        {
            text = mapped.Trim();
        }
        if (text.Length == 0)
        {
            return spec.Required && spec.Default is null ? ParseResult.Fail(RejectCode.Required) : ParseResult.Ok(spec.Default);
        }
        var result = spec.Kind switch
        {
            ColumnKind.Int => Int(text),
            ColumnKind.Money => MoneyParser.Parse(text, rules.UnitYuan),
            ColumnKind.Date => DateParser.Parse(text, month: false, rules.DateFormats),
            ColumnKind.Month => DateParser.Parse(text, month: true, rules.DateFormats),
            ColumnKind.Flag => FlagParser.Parse(text),
            ColumnKind.Vocabulary => spec.Vocabulary!.Contains(text) ? ParseResult.Ok(text) : ParseResult.Fail(RejectCode.NotInVocabulary, Allowed(spec)),
            ColumnKind.VocabularyList => List(spec, text),
            ColumnKind.IdNumber => IdNumberCheck.Parse(text),
            ColumnKind.RegionCode => text.Length == 12 && !text.AsSpan().ContainsAnyExceptInRange('0', '9')
                ? ParseResult.Ok(text) : ParseResult.Fail(RejectCode.BadRegionCode),
            _ => ParseResult.Ok(text),
        };
        if (!result.IsOk)
        {
            return result;
        }
        if (result.Value is long or int && (spec.Min is { } min && Convert.ToInt64(result.Value, CultureInfo.InvariantCulture) < min
            || spec.Max is { } max && Convert.ToInt64(result.Value, CultureInfo.InvariantCulture) > max))
        {
            return ParseResult.Fail(RejectCode.OutOfRange, Range(spec));
        }
        if (result.Value is string s && s.Length > spec.MaxLength)
        {
            return ParseResult.Fail(RejectCode.TooLong, $"≤ {spec.MaxLength}");
        }
        return result;
    }

    private static ParseResult Int(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? ParseResult.Ok(i)
        // Excel stores every number as a double: "3.0" is a whole number.
        : double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d)
            && Math.Abs(d) < int.MaxValue
            ? ParseResult.Ok((int)d)
            : ParseResult.Fail(RejectCode.BadNumber);

    private static ParseResult List(ColumnSpec spec, string text)
    {
        var items = text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = items.FirstOrDefault(i => !spec.Vocabulary!.Contains(i));
        return bad is not null ? ParseResult.Fail(RejectCode.NotInVocabulary, $"{bad}: {Allowed(spec)}") : ParseResult.Ok(string.Join(",", items.Distinct()));
    }

    private static string Allowed(ColumnSpec spec) => spec.Vocabulary!.Count <= 12 ? string.Join("/",
        spec.Vocabulary) : $"{spec.Vocabulary.Count} values, see the template";

    private static string Range(ColumnSpec spec)
    {
        var money = spec.Kind == ColumnKind.Money;
        string F(long v) => money ? (v / 100m).ToString("0.##", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
        return $"{(spec.Min is { } a ? F(a) : "…")} – {(spec.Max is { } b ? F(b) : "…")}";
    }
}
