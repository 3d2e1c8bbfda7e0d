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
    /// <summary>Workers from 脱贫户 (household_attr), monitored or not.</summary>
    public int WorkersPoor { get; set; }

    /// <summary>Workers from monitored households (监测对象), 脱贫户 or 一般农户.</summary>
    public int WorkersMonitored { get; set; }
}
