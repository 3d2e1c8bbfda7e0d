using System.Globalization;

namespace Warehouse.Generation;

/// <summary>Invariant formatting helpers.</summary>
internal static class Fmt
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    public static string? Date(DateOnly? d) => d is { } v ? Date(v) : null;

    public static string HouseholdId(int index) => "H" + (index + 1).ToString("D7", Inv);

    public static string MemberId(int householdIndex, int memberNo) =>
        "M" + (householdIndex + 1).ToString("D7", Inv) + "-" + memberNo.ToString("D2", Inv);

    public static string PostId(int seq) => "P-" + seq.ToString("D6", Inv);

    public static int Bool(bool b) => b ? 1 : 0;

    /// <summary>Whole months from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive), never negative.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly until)
    {
        var m = ((until.Year - from.Year) * 12) + until.Month - from.Month;
        if (until.Day < from.Day)
        {
            m--;
        }

        return Math.Max(0, m);
    }
}
