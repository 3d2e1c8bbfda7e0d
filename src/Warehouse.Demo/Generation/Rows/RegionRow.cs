namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>region</c>: a row of the region table: the county, a township or a village. The properties are the table's columns, named after them and in
/// <see cref="Tables.RegionColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record RegionRow(
    string Code,
    string Name,
    string Level,
    string? ParentCode,
    string CountyCode,
    string? TownshipCode,
    string? UrbanRuralType,
    int IsExitedVillage,
    int IsResettlementSite) : ITableRow
{
    public static string Table => Tables.Region;

    public static IReadOnlyList<string> Columns => Tables.RegionColumns;

    public object?[] Values() =>
    [
        Code, Name, Level, ParentCode, CountyCode, TownshipCode, UrbanRuralType, IsExitedVillage, IsResettlementSite
    ];
}
