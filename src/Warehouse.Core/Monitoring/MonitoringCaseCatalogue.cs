using Warehouse.Catalogue;

namespace Warehouse.Monitoring;

/// <summary>Catalogue entry for monitoring cases: the identification workflow of 防返贫监测.</summary>
internal static class MonitoringCaseCatalogue
{
    public static EntityDef<MonitoringCase> Build() =>
        new EntityBuilder<MonitoringCase>("MonitoringCase", "cases", "monitoringCase", "cases", "监测识别",
                "A monitoring case (防返贫监测识别): a household reported by self-declaration, grid screening or department data, verified by the " +
                    "village, reviewed by the township and identified (or not) as a monitored household; the rule is identification within 15 " +
                    "days. Rows are limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "案件编号", "Case number.", column: "case_id")
            .Field(x => x.HouseholdId, "householdId", "户编号", "The household reported.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .RegionCodes("the household", Sensitivity.Internal)
            .Field(x => x.Source, "source", "发现渠道", "农户自主申报, 网格员排查 or 部门筛查预警.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.ReportedAt, "reportedAt", "发现日期", "Date the risk was reported or found.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.Status, "status", "流程状态",
                "待核实 (awaiting the village's verification), 待审核 (awaiting the township's review), 已认定 (identified) or 不予纳入 (not included).",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All, column: "case_status")
            .Field(x => x.IdentifiedAt, "identifiedAt", "认定日期", "Date the household was identified as monitored (null while pending or not included).",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.DaysToIdentify, "daysToIdentify", "识别用时(天)", "Days from report to identification; the rule is at most 15.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.MainRisk, "mainRisk", "主要风险", "The main risk type reported (因病, 因残, ...).", sensitivity: Sensitivity.Sensitive, caps: FieldCaps.All)
            .HasOne("household", "所属户", "The household reported.", "Household", nameof(MonitoringCase.HouseholdId), "Id")
            .AsOf("daysSinceReport", "距发现天数",
                "报告日减发现日期的天数。Days from reportedAt to the as-of date (as-of − reportedAt): {gte: 0} = reported by the as-of date, {gt: 15} = " +
                "reported more than 15 days before it.",
                AsOfKind.DaysSince, "reportedAt")
            .AsOf("reportedThisYear", "本年度发现",
                "发现日期在报告日所在年度内且不晚于报告日。Reported in the calendar year of the as-of date, from 1 January up to the as-of date (the year to date).",
                AsOfKind.YearToDate, "reportedAt")
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
