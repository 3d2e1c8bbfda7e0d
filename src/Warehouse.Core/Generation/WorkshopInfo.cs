namespace Warehouse.Generation;

/// <summary>A planned 帮扶车间; worker counts are filled while members are generated.</summary>
internal sealed class WorkshopInfo
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Uscc { get; init; }
    public required string Form { get; init; }
    public required string RunStatus { get; init; }
    public required VillageInfo Village { get; init; }
    public required bool GovInvested { get; init; }

    /// <summary>Poor workers mostly avoid it, so that the 30 % target check has a failing case.</summary>
    public required bool LowPoor { get; init; }

    public int WorkersTotal { get; set; }
    public int WorkersPoor { get; set; }
}
