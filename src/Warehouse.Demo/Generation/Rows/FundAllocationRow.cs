namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>fund_allocation</c>: money allocated to a project. The properties are the table's columns, named after them and in
/// <see cref="Tables.FundAllocationColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record FundAllocationRow(
    string AllocId,
    string ProjectCode,
    string CountyCode,
    string TownshipCode,
    string DocNo,
    string SourceLevel,
    string SourceType,
    long AmountFen,
    string AllocDate,
    int Year) : ITableRow
{
    public static string Table => Tables.FundAllocation;

    public static IReadOnlyList<string> Columns => Tables.FundAllocationColumns;

    public object?[] Values() =>
    [
        AllocId, ProjectCode, CountyCode, TownshipCode, DocNo, SourceLevel, SourceType, AmountFen, AllocDate, Year
    ];
}
