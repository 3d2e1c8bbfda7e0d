namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>member</c>: a member of a household. The properties are the table's columns, named after them and in
/// <see cref="Tables.MemberColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record MemberRow(
    string MemberId,
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string Name,
    string IdNumber,
    string Relation,
    string Gender,
    string BirthDate,
    string Ethnicity,
    string? Education,
    string? SchoolStatus,
    string HealthStatus,
    string? DiseaseName,
    string? DisabilityTypeGrade,
    string? DisabilityCertNo,
    string LaborCapacity,
    string WorkStatus,
    int WorkMonths,
    int MedIns,
    int PensionIns,
    string? TrainingNeed) : ITableRow
{
    public static string Table => Tables.Member;

    public static IReadOnlyList<string> Columns => Tables.MemberColumns;

    public object?[] Values() =>
    [
        MemberId, HouseholdId, CountyCode, TownshipCode, VillageCode, Name, IdNumber, Relation, Gender, BirthDate, Ethnicity, Education,
        SchoolStatus, HealthStatus, DiseaseName, DisabilityTypeGrade, DisabilityCertNo, LaborCapacity, WorkStatus, WorkMonths, MedIns, PensionIns,
        TrainingNeed
    ];
}
