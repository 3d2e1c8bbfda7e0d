namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>standard</c>: a county standard (低保 line, caps, rates). The properties are the table's columns, named after them and in
/// <see cref="Tables.StandardColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record StandardRow(
    string StandardId,
    string CountyCode,
    string RegionCode,
    string StandardKind,
    string Unit,
    long AmountFen,
    string ValidFrom,
    string? ValidTo) : ITableRow
{
    public static string Table => Tables.Standard;

    public static IReadOnlyList<string> Columns => Tables.StandardColumns;

    public object?[] Values() =>
    [
        StandardId, CountyCode, RegionCode, StandardKind, Unit, AmountFen, ValidFrom, ValidTo
    ];
}
