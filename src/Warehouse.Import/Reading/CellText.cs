using System.Globalization;

namespace Warehouse.Import.Reading;

/// <summary>The text of a spreadsheet cell as a clerk would read it on screen.</summary>
internal static class CellText
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss",
            CultureInfo.InvariantCulture),
        // No exponent: a 12-digit region code typed as a number must read back as its digits.
        double x => x.ToString("0.###############", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
