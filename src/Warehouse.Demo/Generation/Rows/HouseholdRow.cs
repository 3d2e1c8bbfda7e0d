namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>household</c>: a household. The properties are the table's columns, named after them and in
/// <see cref="Tables.HouseholdColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record HouseholdRow(
    string HouseholdId,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    string Address,
    string GeoPoint,
    string HouseholdAttr,
    int? ExitYear,
    string? MonitorType,
    string? RiskTypes,
    string? MonitoredAt,
    string? RiskClearedAt,
    int HouseholdSize,
    long WageIncomeFen,
    long BusinessIncomeFen,
    long BusinessCostFen,
    long PropertyIncomeFen,
    long TransferIncomeFen,
    long PrevPerCapitaNetIncomeFen,
    long RigidExpenseFen,
    int Relocated,
    string? ResettleMode,
    string HousingSafety,
    int WaterSafe,
    string SafetyNet,
    string? Phone,
    string? BankName,
    string? BankAccount) : ITableRow
{
    public static string Table => Tables.Household;

    public static IReadOnlyList<string> Columns => Tables.HouseholdColumns;

    public object?[] Values() =>
    [
        HouseholdId, CountyCode, TownshipCode, VillageCode, Address, GeoPoint, HouseholdAttr, ExitYear, MonitorType, RiskTypes, MonitoredAt,
        RiskClearedAt, HouseholdSize, WageIncomeFen, BusinessIncomeFen, BusinessCostFen, PropertyIncomeFen, TransferIncomeFen,
        PrevPerCapitaNetIncomeFen, RigidExpenseFen, Relocated, ResettleMode, HousingSafety, WaterSafe, SafetyNet, Phone, BankName, BankAccount
    ];
}
