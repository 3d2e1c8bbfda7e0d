namespace Warehouse.Generation.Rows;

/// <summary>
/// One row of <c>workshop</c>: a 帮扶车间 (assistance workshop). The properties are the table's columns, named after them and in
/// <see cref="Tables.WorkshopColumns"/>'s order, which is the order <see cref="Values"/> hands them to the sinks.
/// </summary>
internal sealed record WorkshopRow(
    string WorkshopId,
    string Name,
    string OperatorUscc,
    string Form,
    string RunStatus,
    string CountyCode,
    string TownshipCode,
    string VillageCode,
    int GovInvested,
    int WorkersTotal,
    int WorkersPoor,
    int WorkersMonitored) : ITableRow
{
    public static string Table => Tables.Workshop;

    public static IReadOnlyList<string> Columns => Tables.WorkshopColumns;

    public object?[] Values() =>
    [
        WorkshopId, Name, OperatorUscc, Form, RunStatus, CountyCode, TownshipCode, VillageCode, GovInvested, WorkersTotal, WorkersPoor,
        WorkersMonitored
    ];
}
