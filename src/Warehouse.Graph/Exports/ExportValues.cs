using System.Globalization;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Exports;

/// <summary>
/// Values of an export row, read only through <see cref="ValueShaper.Read"/> (full or masked per role, as in the
/// graph), and their invariant text form for CSV: money in 元 with two decimals (10323.45), dates yyyy-MM-dd,
/// timestamps ISO 8601 in UTC with Z (2025-12-30T08:15:02.123Z), booleans true/false, list values joined with ';', null as an empty field.
/// </summary>
internal static class ExportValues
{
    /// <summary>The value the graph would return for this field of this row (a string list as string[]).</summary>
    public static object? Read(AccessContext access, FieldDef field, object row)
    {
        var value = ValueShaper.Read(access, field, row);
        return field.Kind == FieldKind.StringList && access.GrantFor(field).Access == Access.Full
            ? (value as string)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []
            : value;
    }

    /// <summary>Fills <paramref name="values"/> (one per column) and <paramref name="missing"/> (one per reference: no related row in scope).</summary>
    public static void Shape(AccessContext access, ExportPlan plan, object row, IReadOnlyList<IReadOnlyDictionary<string, List<object>>> related,
        object?[] values, bool[] missing)
    {
        var targets = new object?[plan.Relations.Count];
        for (var r = 0; r < plan.Relations.Count; r++)
        {
            var relation = plan.Relations[r];
            targets[r] = Warehouse.Querying.PropertyAccessors.Getter(relation.ParentKeyProperty)(row) is string key
                         && related[r].TryGetValue(key, out var rows) && rows.Count > 0
                ? rows[0]
                : null;
            missing[r] = targets[r] is null;
        }
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            var column = plan.Columns[i];
            var source = column.RelationIndex < 0 ? row : targets[column.RelationIndex];
            values[i] = source is null ? null : Read(access, column.Field, source);
        }
    }

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
