using Warehouse.Catalogue;

namespace Warehouse.Jobs;

/// <summary>Catalogue entry for assistance workshops. Published data: visible county-wide.</summary>
internal static class WorkshopCatalogue
{
    public static EntityDef<Workshop> Build() =>
        new EntityBuilder<Workshop>("Workshop", "workshops", "workshop", "workshops", "帮扶车间",
                "An assistance workshop (帮扶车间) employing poor and monitored workers near home. Published: visible county-wide; its workers are " +
                    "jobs, scoped like every personal row.",
                RowScope.CountyWide)
            .Key(x => x.Id, "id", "车间编号", "Workshop number.", column: "workshop_id", sensitivity: Sensitivity.Public)
            .Field(x => x.Name, "name", "车间名称", "Workshop name.")
            .Field(x => x.OperatorUscc, "operatorUscc", "经营主体信用代码", "Unified social credit code of the operator.")
            .Field(x => x.Form, "form", "车间类型", "厂房式, 居家式, 种养式, 贸易流通式 or 文化旅游式.", caps: FieldCaps.All)
            .Field(x => x.RunStatus, "runStatus", "运行状态", "正常运行, 监测待处置 or 清理.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .RegionCodes("the workshop")
            .Field(x => x.GovInvested, "govInvested", "政府投资", "Built with government investment (then ≥30 % poor workers are required).", caps: FieldCaps.All)
            .Field(x => x.WorkersTotal, "workersTotal", "吸纳就业",
                "本年度在车间就业过的人数（每人一条就业记录，不是某一日期的在岗人数）。People who worked at the workshop during the year (one employment record each), not a " +
                    "headcount on a date; for the headcount on a date count the workshop's jobs.")
            .Field(x => x.WorkersPoor, "workersPoor", "其中脱贫人口",
                "其中脱贫户成员（户属性为 脱贫户，无论是否为监测对象）。Of workersTotal, members of households that exited poverty (householdAttr 脱贫户), monitored or not.")
            .Field(x => x.WorkersMonitored, "workersMonitored", "其中监测对象",
                "其中监测户成员（脱贫户或一般农户）；与 workersPoor 可重叠。Of workersTotal, members of monitored households (脱贫户 or 一般农户); overlaps workersPoor for monitored 脱贫户.")
            .HasMany("jobs", "就业记录", "Employment records at this workshop (scoped to the reader's region).", "Job", nameof(Workshop.Id), "WorkshopId")
            .Measures(WorkshopMeasures.For)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
