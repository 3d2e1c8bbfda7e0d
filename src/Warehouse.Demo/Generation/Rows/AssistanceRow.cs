namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>assistance</c>: an assistance measure for a household or one of its members. The properties are the table's columns, named after them and in
/// <see cref="Tables.AssistanceColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record AssistanceRow(
    string AssistId,
    string HouseholdId,
    string? MemberId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string Category,
    string Item,
    string StartDate,
    string? EndDate,
    long AmountFen,
    string Period,
    string Channel,
    string? RefId,
    string CadreName,
    string CadrePhone) : ITableRow
{
    public static string Table => Tables.Assistance;

    public static IReadOnlyList<string> Columns => Tables.AssistanceColumns;

    public object?[] Values() =>
    [
        AssistId, HouseholdId, MemberId, CountyCode, TownshipCode, VillageCode, Category, Item, StartDate, EndDate, AmountFen, Period, Channel,
        RefId, CadreName, CadrePhone
    ];
}
