namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>household_visit</c>: a cadre's visit to a household. The properties are the table's columns, named after them and in
/// <see cref="Tables.HouseholdVisitColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record HouseholdVisitRow(
    string VisitId,
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string VisitedAt,
    string Visitor,
    string Purpose) : ITableRow
{
    public static string Table => Tables.HouseholdVisit;

    public static IReadOnlyList<string> Columns => Tables.HouseholdVisitColumns;

    public object?[] Values() =>
    [
        VisitId, HouseholdId, CountyCode, TownshipCode, VillageCode, VisitedAt, Visitor, Purpose
    ];
}
