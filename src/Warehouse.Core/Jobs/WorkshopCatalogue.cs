using Warehouse.Catalogue;

namespace Warehouse.Jobs;

/// <summary>Catalogue entry for assistance workshops. Published data: visible county-wide.</summary>
public static class WorkshopCatalogue
{
    public static EntityDef<Workshop> Build() =>
        new EntityBuilder<Workshop>("Workshop", "workshops", "workshop", "workshops", "帮扶车间",
                "An assistance workshop (帮扶车间) employing poor and monitored workers near home. Published: visible county-wide; its workers are jobs, scoped like every personal row.",
                RowScope.CountyWide)
            .Key(x => x.Id, "id", "车间编号", "Workshop number.", column: "workshop_id", sensitivity: Sensitivity.Public)
            .Field(x => x.Name, "name", "车间名称", "Workshop name.")
            .Field(x => x.OperatorUscc, "operatorUscc", "经营主体信用代码", "Unified social credit code of the operator.")
            .Field(x => x.Form, "form", "车间类型", "厂房式, 居家式, 种养式, 贸易流通式 or 文化旅游式.", caps: FieldCaps.All)
            .Field(x => x.RunStatus, "runStatus", "运行状态", "正常运行, 监测待处置 or 清理.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .RegionCodes("the workshop")
            .Field(x => x.GovInvested, "govInvested", "政府投资", "Built with government investment (then ≥30 % poor workers are required).", caps: FieldCaps.All)
            .Field(x => x.WorkersTotal, "workersTotal", "吸纳就业", "Workers employed.")
            .Field(x => x.WorkersPoor, "workersPoor", "其中脱贫人口", "Of whom from households that exited poverty or are monitored.")
            .HasMany("jobs", "就业记录", "Employment records at this workshop (scoped to the reader's region).", "Job", nameof(Workshop.Id), "WorkshopId")
            .Build();
}
