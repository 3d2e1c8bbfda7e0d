namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>employment</c>: a job of a member. The properties are the table's columns, named after them and in
/// <see cref="Tables.EmploymentColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record EmploymentRow(
    string EmpId,
    string MemberId,
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string EmpForm,
    string WorkRegion,
    string? Employer,
    string StartMonth,
    string? EndMonth,
    long MonthlyWageFen,
    string? WorkshopId,
    string? PostId) : ITableRow
{
    public static string Table => Tables.Employment;

    public static IReadOnlyList<string> Columns => Tables.EmploymentColumns;

    public object?[] Values() =>
    [
        EmpId, MemberId, HouseholdId, CountyCode, TownshipCode, VillageCode, EmpForm, WorkRegion, Employer, StartMonth, EndMonth, MonthlyWageFen,
        WorkshopId, PostId
    ];
}
