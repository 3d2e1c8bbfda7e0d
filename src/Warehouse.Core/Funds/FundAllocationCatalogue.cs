using Warehouse.Catalogue;

namespace Warehouse.Funds;

/// <summary>Catalogue entry for fund allocations. Published data: visible county-wide.</summary>
internal static class FundAllocationCatalogue
{
    public static EntityDef<FundAllocation> Build() =>
        new EntityBuilder<FundAllocation>("FundAllocation", "funds", "fund", "fund_allocations", "资金下达",
                "A fund allocation (资金下达) to a project: which level and kind of money, how much, when. Published: visible county-wide.",
                RowScope.CountyWide)
            .Key(x => x.Id, "id", "指标编号", "Allocation number.", column: "alloc_id")
            .Field(x => x.ProjectCode, "projectCode", "项目编号", "Project funded.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All)
            .RegionCodes("the project site")
            .Field(x => x.DocNo, "docNo", "下达文号", "Number of the allocating document.")
            .Field(x => x.SourceLevel, "sourceLevel", "资金层级", "中央, 省, 市 or 县.", caps: FieldCaps.All)
            .Field(x => x.SourceType, "sourceType", "资金类别", "衔接资金, 统筹整合涉农资金, 以工代赈, 东西部协作, 定点帮扶, 社会捐赠 or 地方政府债券.", caps: FieldCaps.All)
            .Field(x => x.AmountFen, "amount", "下达金额", "Amount allocated, 元.")
            .Field(x => x.AllocDate, "allocDate", "下达日期", "Date allocated.", caps: FieldCaps.All)
            .Field(x => x.Year, "year", "年度", "Budget year.", caps: FieldCaps.All)
            .HasOne("project", "项目", "The funded project.", "Project", nameof(FundAllocation.ProjectCode), "Code")
            .HasMany("disbursements", "拨付", "Disbursements from this allocation.", "Disbursement", nameof(FundAllocation.Id), "AllocId")
            .AsOf("budgetThisYear", "本年度资金", "预算年度为报告日所在年度。The budget year is the year of the as-of date.",
                AsOfKind.YearToDate, "year")
            .Measures(FundAllocationMeasures.For)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
