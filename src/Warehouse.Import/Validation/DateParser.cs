using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Import.Validation;

/// <summary>
/// Dates in the forms Chinese spreadsheets carry: 2023-04-12, 2023/4/12, 2023.4.12, 2023年4月12日, 20230412, an
/// Excel serial number (a date cell read as a number), plus any extra .NET formats a mapping file names. For month
/// columns also 2023-04, 2023.4, 2023年4月 and 202304 (stored as the month's first day). Impossible dates (2月30日) fail.
/// </summary>
internal static partial class DateParser
{
    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")]
    private static partial Regex YearMonth();

    public static ParseResult Parse(string text, bool month = false, IReadOnlyList<string>? extraFormats = null)
    {
        var s = text.Trim();
        if (extraFormats is { Count: > 0 }
            && DateTime.TryParseExact(s, [.. extraFormats], CultureInfo.InvariantCulture, DateTimeStyles.None, out var custom))
        {
            return Done(custom.Year, custom.Month, month ? 1 : custom.Day);
        }
        // A time part as Excel cells often carry it ("2023-04-12 00:00:00").
        if (s.Length > 10 && s.EndsWith(" 00:00:00", StringComparison.Ordinal))
        {
            s = s[..^9];
        }
        if (YearMonthDay().Match(s) is { Success: true } m)
        {
            return Done(Int(m.Groups[1]), Int(m.Groups[2]), month ? 1 : Int(m.Groups[3]), month && Int(m.Groups[3]) is < 1 or > 31);
        }
        if (s.Length == 8 && s.All(char.IsAsciiDigit))
        {
            return Done(int.Parse(s[..4], CultureInfo.InvariantCulture), int.Parse(s[4..6], CultureInfo.InvariantCulture),
                month ? 1 : int.Parse(s[6..], CultureInfo.InvariantCulture));
        }
        if (month && YearMonth().Match(s) is { Success: true } ym)
        {
            return Done(Int(ym.Groups[1]), Int(ym.Groups[2]), 1);
        }
        if (month && s.Length == 6 && s.All(char.IsAsciiDigit))
        {
            return Done(int.Parse(s[..4], CultureInfo.InvariantCulture), int.Parse(s[4..], CultureInfo.InvariantCulture), 1);
        }
        // An Excel serial date (days since 1899-12-30), as a date cell without its format reads: 1900..2100 only.
        if (double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is >= 366 and < 73051
            && serial == Math.Floor(serial))
        {
            var d = new DateOnly(1899, 12, 30).AddDays((int)serial);
            return Done(d.Year, d.Month, month ? 1 : d.Day);
        }
        return ParseResult.Fail(RejectCode.BadDate);
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static ParseResult Done(int year, int monthOfYear, int day, bool invalid = false)
    {
        if (invalid || year is < 1900 or > 2100 || monthOfYear is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, monthOfYear))
        {
            return ParseResult.Fail(RejectCode.BadDate);
        }
        return ParseResult.Ok(new DateOnly(year, monthOfYear, day));
    }
}
