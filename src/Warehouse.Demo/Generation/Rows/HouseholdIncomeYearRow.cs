namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>household_income_year</c>: one year of a household's income. The properties are the table's columns, named after them and in
/// <see cref="Tables.HouseholdIncomeYearColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record HouseholdIncomeYearRow(
    string IncomeId,
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    int IncomeYear,
    int HouseholdSize,
    long WageIncomeFen,
    long BusinessIncomeFen,
    long BusinessCostFen,
    long PropertyIncomeFen,
    long TransferIncomeFen) : ITableRow
{
    public static string Table => Tables.HouseholdIncomeYear;

    public static IReadOnlyList<string> Columns => Tables.HouseholdIncomeYearColumns;

    public object?[] Values() =>
    [
        IncomeId, HouseholdId, CountyCode, TownshipCode, VillageCode, IncomeYear, HouseholdSize, WageIncomeFen, BusinessIncomeFen, BusinessCostFen,
        PropertyIncomeFen, TransferIncomeFen
    ];
}
