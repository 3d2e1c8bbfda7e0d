using System.Globalization;

namespace Warehouse.Import.Validation;

/// <summary>
/// Money as clerks type it: "1234.5", "1,234.50元", "￥1234", "1.2万", "0.85万元", with an optional unit factor
/// for columns kept in 万元 (a mapping file's "units"). The result is whole fen; more precision than a fen is an
/// error (MONEY_PRECISION), never rounded away, since a rounded subsidy is a changed subsidy.
/// </summary>
internal static class MoneyParser
{
    /// <summary>Parses <paramref name="text"/> into fen; <paramref name="unitYuan"/> is the value of 1 in the column's unit (1 for 元, 10000 for 万元).</summary>
    public static ParseResult Parse(string text, decimal unitYuan = 1m)
    {
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        s = s.TrimStart('¥', '￥');
        var factor = unitYuan;
        if (s.EndsWith("万元", StringComparison.Ordinal))
        {
            factor = 10_000m;
            s = s[..^2];
        }
        else if (s.EndsWith('万'))
        {
            factor = 10_000m;
            s = s[..^1];
        }
        else if (s.EndsWith('元'))
        {
            factor = 1m;
            s = s[..^1];
        }
        if (s.Length == 0 || !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return ParseResult.Fail(RejectCode.BadMoney);
        }
        decimal fen;
        try
        {
            fen = amount * factor * 100m;
        }
        catch (OverflowException)
        {
            return ParseResult.Fail(RejectCode.OutOfRange);
        }
        if (fen != decimal.Truncate(fen))
        {
            return ParseResult.Fail(RejectCode.MoneyPrecision);
        }
        return fen is > long.MaxValue or < long.MinValue ? ParseResult.Fail(RejectCode.OutOfRange) : ParseResult.Ok((long)fen);
    }
}
