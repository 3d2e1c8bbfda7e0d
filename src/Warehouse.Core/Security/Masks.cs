using System.Globalization;
using Warehouse.Catalogue;

namespace Warehouse.Security;

/// <summary>
/// The masks, by kind of data (data dictionary section 3). Applied to values after they are read, in the one
/// place that shapes values for the graph and for exports alike. A masked value is always text.
/// </summary>
internal static class Masks
{
    /// <summary>Payee type whose names and accounts are personal data.</summary>
    public const string PersonPayee = "农户";

    /// <param name="kind">Mask to apply.</param>
    /// <param name="value">The stored value (null stays null).</param>
    /// <param name="sibling">Reads another property of the same row, for masks that depend on it.</param>
    public static string? Apply(MaskKind kind, object? value, Func<string, object?> sibling)
    {
        if (value is null)
        {
            return null;
        }
        var text = value is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        return kind switch
        {
            MaskKind.PersonName => PersonName(text),
            // Only the first 3 characters (province and the first digit of the prefecture). The last 4 are the
            // sequence (whose last digit is the gender) and the check character: with the birth date the village
            // reads, they give the whole number, and with the birth year about 33 candidates (docs/security.md#masks).
            MaskKind.IdNumber => KeepEnds(text, 3, 0),
            MaskKind.Phone => KeepEnds(text, 3, 4),
            MaskKind.BankAccount => LastFour(text),
            MaskKind.DateToYear => value is DateOnly date ? date.Year.ToString(CultureInfo.InvariantCulture) : text[..Math.Min(4, text.Length)],
            MaskKind.Address => Address(text),
            MaskKind.GeoPoint => GeoPoint(text),
            MaskKind.Category => Category(text),
            MaskKind.PersonPayeeName => IsPersonPayee(sibling) ? PersonName(text) : text,
            MaskKind.PersonPayeeAccount => IsPersonPayee(sibling) ? LastFour(text) : text,
            _ => throw new InvalidOperationException($"Mask {kind} cannot be applied."),
        };
    }

    /// <summary>张三 → 张*, 欧阳娜娜 → 欧阳**: the surname (two characters for known compound surnames) and one * per other character.</summary>
    public static string PersonName(string name)
    {
        if (name.Length <= 1)
        {
            return "*";
        }
        var keep = name.Length > 2 && CompoundSurnames.Contains(name[..2]) ? 2 : 1;
        return string.Concat(name.AsSpan(0, keep), new string('*', name.Length - keep));
    }

    private static readonly HashSet<string> CompoundSurnames =
        ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木"];

    private static string KeepEnds(string s, int head, int tail) =>
        s.Length <= head + tail ? new string('*', s.Length) : string.Concat(s.AsSpan(0, head), new string('*', s.Length - head - tail),
            s.AsSpan(s.Length - tail));

    private static string LastFour(string s) => s.Length <= 4 ? new string('*', s.Length) : "****" + s[^4..];

    private static string Address(string s)
    {
        var i = s.IndexOf('组', StringComparison.Ordinal);
        return i >= 0 ? s[..(i + 1)] : "*";
    }

    private static string GeoPoint(string s)
    {
        var parts = s.Split(',');
        return parts.Length == 2
               && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
               && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(lat, 1):0.0},{Math.Round(lng, 1):0.0}")
            : "*";
    }

    private static string Category(string s)
    {
        var i = s.IndexOfAny(['一', '二', '三', '四']);
        return i > 0 ? s[..i] : s;
    }

    private static bool IsPersonPayee(Func<string, object?> sibling) =>
        sibling("PayeeType") as string is not { } t || t == PersonPayee;
}
