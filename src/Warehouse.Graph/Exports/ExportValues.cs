using System.Globalization;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Values of an export row: a related row's field read through <see cref="ValueShaper.Read"/> (full or masked per
/// role, as in the graph; the exported entity's own columns go through <see cref="ExportRowShaper"/>, the same rules
/// prepared per column), and their invariant text form for CSV: money in 元 with two decimals (10323.45), dates yyyy-MM-dd,
/// timestamps ISO 8601 in UTC with Z (2025-12-30T08:15:02.123Z), booleans true/false, list values joined with ';', null as an empty field.
/// </summary>
internal static class ExportValues
{
    /// <summary>The value the graph would return for this field of this row (a string list as string[]).</summary>
    public static object? Read(AccessContext access, FieldDef field, object row)
    {
        var value = ValueShaper.Read(access, field, row);
        return SplitsList(access, field) ? AsList(value) : value;
    }

    /// <summary>
    /// Whether this reader gets the field as a list: a vocabulary list stored comma-joined, read in full (a masked
    /// list is a masked text, not split).
    /// </summary>
    public static bool SplitsList(AccessContext access, FieldDef field) =>
        field.Kind == FieldKind.StringList && access.GrantFor(field).Access == Access.Full;

    /// <summary>A comma-joined vocabulary list as its values (none for null).</summary>
    public static string[] AsList(object? value) => (value as string)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The CSV text of a value.</summary>
    public static string Text(FieldDef field, object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d when field.Kind == FieldKind.Money => d.ToString("0.00", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => Warehouse.Data.Timestamps.ToIso(time),
        bool b => b ? "true" : "false",
        string[] list => string.Join(';', list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
