namespace Warehouse.Import.Validation;

/// <summary>
/// Citizen ID numbers (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence and an ISO 7064
/// MOD 11-2 check character. Kept here rather than shared with the generator so the import depends on Core only.
/// </summary>
internal static class IdNumberCheck
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The check character of 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>Checks an ID number (a lower-case x is read as X); the value is the normalised number.</summary>
    public static ParseResult Parse(string text)
    {
        var s = text.Trim().ToUpperInvariant();
        if (s.Length != 18 || s.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(s[17]) || s[17] == 'X'))
        {
            return ParseResult.Fail(RejectCode.BadIdNumber);
        }
        if (BirthDate(s) is null)
        {
            return ParseResult.Fail(RejectCode.BadIdNumber);
        }
        return s[17] == CheckDigit(s.AsSpan(0, 17)) ? ParseResult.Ok(s) : ParseResult.Fail(RejectCode.IdCheckDigit, $"→ {CheckDigit(s.AsSpan(0, 17))}");
    }

    /// <summary>The birth date an 18-character ID number carries, or null when it is not a date.</summary>
    public static DateOnly? BirthDate(string id)
    {
        if (id.Length < 14 || !int.TryParse(id.AsSpan(6, 4), out var y) || !int.TryParse(id.AsSpan(10, 2), out var m)
            || !int.TryParse(id.AsSpan(12, 2), out var d))
        {
            return null;
        }
        return y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }
}
