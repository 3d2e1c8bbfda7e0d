namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>fund_disbursement</c>: a payment out of an allocation. The properties are the table's columns, named after them and in
/// <see cref="Tables.FundDisbursementColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record FundDisbursementRow(
    string DisbId,
    string AllocId,
    string ProjectCode,
    string CountyCode,
    string TownshipCode,
    string Stage,
    long AmountFen,
    string PaidAt,
    string PayeeType,
    string PayeeName,
    string PayeeAccount) : ITableRow
{
    public static string Table => Tables.FundDisbursement;

    public static IReadOnlyList<string> Columns => Tables.FundDisbursementColumns;

    public object?[] Values() =>
    [
        DisbId, AllocId, ProjectCode, CountyCode, TownshipCode, Stage, AmountFen, PaidAt, PayeeType, PayeeName, PayeeAccount
    ];
}
