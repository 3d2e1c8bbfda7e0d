namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>project</c>: a project of the project library. The properties are the table's columns, named after them and in
/// <see cref="Tables.ProjectColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record ProjectRow(
    string ProjectCode,
    string Name,
    string Type,
    string Subtype,
    string SiteCode,
    string CountyCode,
    string TownshipCode,
    int Year,
    string Nature,
    string LibStatus,
    long TotalInvestFen,
    string Implementer,
    string? PlanStart,
    string? PlanEnd,
    string? AcceptedAt,
    int BenefHouseholds,
    int BenefPersons,
    string? LinkModes,
    long LaborPayFen,
    string? AssetClass,
    string? AssetOwner,
    int ProgressPct) : ITableRow
{
    public static string Table => Tables.Project;

    public static IReadOnlyList<string> Columns => Tables.ProjectColumns;

    public object?[] Values() =>
    [
        ProjectCode, Name, Type, Subtype, SiteCode, CountyCode, TownshipCode, Year, Nature, LibStatus, TotalInvestFen, Implementer, PlanStart,
        PlanEnd, AcceptedAt, BenefHouseholds, BenefPersons, LinkModes, LaborPayFen, AssetClass, AssetOwner, ProgressPct
    ];
}
