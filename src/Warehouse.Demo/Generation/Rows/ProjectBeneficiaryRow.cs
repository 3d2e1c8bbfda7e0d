namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>project_beneficiary</c>: a household that benefits from a project. The properties are the table's columns, named after them and in
/// <see cref="Tables.ProjectBeneficiaryColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record ProjectBeneficiaryRow(
    string ProjectCode,
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode) : ITableRow
{
    public static string Table => Tables.ProjectBeneficiary;

    public static IReadOnlyList<string> Columns => Tables.ProjectBeneficiaryColumns;

    public object?[] Values() =>
    [
        ProjectCode, HouseholdId, CountyCode, TownshipCode, VillageCode
    ];
}
