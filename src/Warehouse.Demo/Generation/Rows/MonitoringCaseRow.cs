namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>monitoring_case</c>: a monitoring case (report, identification). The properties are the table's columns, named after them and in
/// <see cref="Tables.MonitoringCaseColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record MonitoringCaseRow(
    string CaseId,
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string Source,
    string ReportedAt,
    string CaseStatus,
    string? IdentifiedAt,
    int? DaysToIdentify,
    string? MainRisk) : ITableRow
{
    public static string Table => Tables.MonitoringCase;

    public static IReadOnlyList<string> Columns => Tables.MonitoringCaseColumns;

    public object?[] Values() =>
    [
        CaseId, HouseholdId, CountyCode, TownshipCode, VillageCode, Source, ReportedAt, CaseStatus, IdentifiedAt, DaysToIdentify, MainRisk
    ];
}
