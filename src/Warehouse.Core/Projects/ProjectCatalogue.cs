using Warehouse.Catalogue;

namespace Warehouse.Projects;

/// <summary>Catalogue entry for projects. Published data: visible county-wide.</summary>
internal static class ProjectCatalogue
{
    public static EntityDef<Project> Build() =>
        new EntityBuilder<Project>("Project", "projects", "project", "projects", "项目",
                "A project in the county's project library (衔接资金项目库): industry, employment, village construction, relocation follow-up and others. " +
                    "Published: visible county-wide.",
                RowScope.CountyWide)
            .Key(x => x.Code, "code", "项目编号", "Project number, e.g. XM2024-139901-087.", column: "project_code", sensitivity: Sensitivity.Public)
            .Field(x => x.Name, "name", "项目名称", "Project name.", caps: FieldCaps.FilterSort)
            .Field(x => x.Type, "type", "项目类型", "产业发展, 就业项目, 乡村建设行动, 易地搬迁后扶, 巩固三保障成果, 乡村治理和精神文明建设, 项目管理费 or 其他.", caps: FieldCaps.All)
            .Field(x => x.Subtype, "subtype", "项目子类型", "Subtype within the project type.", caps: FieldCaps.All)
            .Field(x => x.SiteCode, "siteCode", "建设地点", "12-digit code of the village (or township) where it is built.", caps: FieldCaps.All)
            .RegionCodes("the project site")
            .Field(x => x.Year, "year", "年度", "Plan year.", caps: FieldCaps.All)
            .Field(x => x.Nature, "nature", "建设性质", "新建, 续建 or 改扩建.", caps: FieldCaps.All)
            .Field(x => x.LibStatus, "libStatus", "库状态", "储备, 入库, 年度计划, 实施, 竣工验收 or 出库.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .Field(x => x.TotalInvestFen, "totalInvest", "总投资", "Total investment, 元.")
            .Field(x => x.Implementer, "implementer", "实施主体", "Implementing body (township government, cooperative, ...).")
            .Field(x => x.PlanStart, "planStart", "计划开工", "Planned start date.", caps: FieldCaps.All)
            .Field(x => x.PlanEnd, "planEnd", "计划完工", "Planned completion date.", caps: FieldCaps.All)
            .Field(x => x.AcceptedAt, "acceptedAt", "验收日期", "Date of acceptance (null until accepted).", caps: FieldCaps.All)
            .Field(x => x.BenefHouseholds, "benefHouseholds", "受益户数", "Number of beneficiary households.")
            .Field(x => x.BenefPersons, "benefPersons", "受益脱贫(监测)人口",
                "受益户中脱贫户或监测户的成员人数（不含一般农户成员）。Members of beneficiary households that are 脱贫户 or monitored; members of other beneficiary households " +
                    "are not counted.")
            .Field(x => x.LinkModes, "linkModes", "联农带农方式", "How farmers benefit: 务工, 分红, 订单, 流转, 托管.", kind: FieldKind.StringList, caps: FieldCaps.Filter)
            .Field(x => x.LaborPayFen, "laborPay", "以工代赈劳务报酬",
                "以工代赈项目发放给群众的劳务报酬（元）；仅有以工代赈资金的项目填写，其他项目为 0。Work-for-relief labour pay, 元: only projects with 以工代赈 funds carry it (others 0); the " +
                    "rule is ≥ 15 % of the 以工代赈 funds (measure yigongLaborPayRatio).")
            .Field(x => x.AssetClass, "assetClass", "资产类别", "经营性, 公益性 or 到户类.", caps: FieldCaps.All)
            .Field(x => x.AssetOwner, "assetOwner", "产权主体", "Owner of the resulting assets.", caps: FieldCaps.All)
            .Field(x => x.ProgressPct, "progressPct", "进度", "Completion progress, percent.")
            .HasMany("funds", "资金下达", "Fund allocations to the project.", "FundAllocation", nameof(Project.Code), "ProjectCode")
            .HasMany("disbursements", "资金拨付", "Disbursements and spending of the project's funds.", "Disbursement", nameof(Project.Code), "ProjectCode")
            .HasMany("beneficiaries", "受益户", "Beneficiary households, limited to the reader's region like every household.",
                "Household", nameof(Project.Code), "Id", new LinkDef("ProjectBeneficiary", "ProjectCode", "HouseholdId"))
            .HasOne("site", "建设地点", "The region where the project is built.", "Region", nameof(Project.SiteCode), "Code")
            .Measures(ProjectMeasures.For)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
