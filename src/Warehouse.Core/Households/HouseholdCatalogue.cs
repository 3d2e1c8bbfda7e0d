using Warehouse.Catalogue;

namespace Warehouse.Households;

/// <summary>Catalogue entry for households: field set of the 建档立卡 registration form plus monitoring fields.</summary>
public static class HouseholdCatalogue
{
    private static readonly DefaultGrants Coarse = new(Grant.M, Grant.M, Grant.F);

    public static EntityDef<Household> Build() =>
        new EntityBuilder<Household>("Household", "households", "household", "households", "农户",
                "A registered household (建档立卡户) or household under monitoring (监测对象), with its incomes and risks. Rows are limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "户编号", "Household number (surrogate key).", column: "household_id")
            .RegionCodes("the managing village", Sensitivity.Internal)
            .Field(x => x.Address, "address", "组/门牌", "Village group and house number; coarsened to the group for roles above the village.",
                sensitivity: Sensitivity.Personal, mask: MaskKind.Address, caps: FieldCaps.Filter, grants: Coarse)
            .Field(x => x.GeoPoint, "geoPoint", "经纬度", "Latitude,longitude; coarsened to 0.1° above the village.",
                sensitivity: Sensitivity.Sensitive, mask: MaskKind.GeoPoint, caps: FieldCaps.None, grants: Coarse)
            .Field(x => x.HouseholdAttr, "householdAttr", "户属性", "脱贫户 (exited poverty) or 一般农户 (ordinary household).", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.ExitYear, "exitYear", "脱贫年度", "Year the household exited poverty.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.MonitorType, "monitorType", "监测对象类别", "脱贫不稳定户, 边缘易致贫户, 突发严重困难户, or null when not monitored.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.RiskTypes, "riskTypes", "风险类型", "Up to three risk types: 因病, 因学, 因残, 因自然灾害, 因意外事故, 因产业项目失败, 因务工就业不稳, 缺劳动力, 其他. Filter with some: {eq: \"因病\"} (an element matches), none or any.",
                kind: FieldKind.StringList, sensitivity: Sensitivity.Sensitive, caps: FieldCaps.Filter)
            .Field(x => x.MonitoredAt, "monitoredAt", "识别日期", "Date the household was identified for monitoring.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.RiskClearedAt, "riskClearedAt", "风险消除日期", "Date the risk was cleared (null while open).", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.HouseholdSize, "householdSize", "家庭人口", "Number of household members.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WageIncomeFen, "wageIncome", "工资性收入", "Wage income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.BusinessIncomeFen, "businessIncome", "生产经营性收入", "Business (farming, trade) income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.BusinessCostFen, "businessCost", "生产经营性支出", "Business costs, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.PropertyIncomeFen, "propertyIncome", "财产性收入", "Property income (land transfer, dividends), 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.TransferIncomeFen, "transferIncome", "转移性收入", "Transfer income (pensions, 低保 and other payments), 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.NetIncomeFen, "netIncome", "家庭纯收入", "Net income = wage + business − business cost + property + transfer, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.PerCapitaNetIncomeFen, "perCapitaNetIncome", "人均纯收入", "Net income per member (元 per year, truncated to the fen). Below 8,500 means priority review.", sensitivity: Sensitivity.Personal)
            .Field(x => x.PrevPerCapitaNetIncomeFen, "prevPerCapitaNetIncome", "上年人均纯收入", "Per-capita net income of the previous year (元), to spot falling incomes.", sensitivity: Sensitivity.Personal)
            .Field(x => x.RigidExpenseFen, "rigidExpense", "合规自付支出", "Eligible out-of-pocket medical and education spending, 元 per year.", sensitivity: Sensitivity.Sensitive)
            .Field(x => x.Relocated, "relocated", "易地搬迁", "Relocated under the poverty-alleviation relocation programme.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.ResettleMode, "resettleMode", "安置方式", "城镇集中, 农村集中 or 分散.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.HousingSafety, "housingSafety", "住房安全等级", "Housing safety grade A–D.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WaterSafe, "waterSafe", "饮水安全", "Drinking water is safe.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.SafetyNet, "safetyNet", "兜底类型", "Social safety net: 低保, 特困, 低保边缘 or 无.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.Phone, "phone", "联系电话", "Contact phone.", sensitivity: Sensitivity.Sensitive, mask: MaskKind.Phone,
                caps: FieldCaps.Filter, grants: new(Grant.M, Grant.MR, Grant.F))
            .Field(x => x.BankName, "bankName", "开户行", "Bank of the household's 一卡通 account.", sensitivity: Sensitivity.Sensitive,
                caps: FieldCaps.Filter, grants: new(Grant.F, Grant.H, Grant.H))
            .Field(x => x.BankAccount, "bankAccount", "一卡通账号", "Account that receives subsidies (一卡通).", sensitivity: Sensitivity.Sensitive,
                mask: MaskKind.BankAccount, caps: FieldCaps.None, grants: new(Grant.M, Grant.H, Grant.H))
            .RecordKey(x => x.RecordKey)
            .HasMany("members", "家庭成员", "Members of the household.", "Member", nameof(Household.Id), "HouseholdId")
            .HasMany("jobs", "就业记录", "Employment records of the household's members.", "Job", nameof(Household.Id), "HouseholdId")
            .HasMany("assistance", "帮扶措施", "Assistance measures and payments received.", "Assistance", nameof(Household.Id), "HouseholdId")
            .HasMany("cases", "监测识别", "Monitoring cases of the household (reported, verified, reviewed, identified).", "MonitoringCase", nameof(Household.Id), "HouseholdId")
            .HasMany("visits", "走访记录", "Visits to the household; order by visitedAt DESC for the last one.", "Visit", nameof(Household.Id), "HouseholdId")
            .HasOne("village", "所属村", "The managing village.", "Region", nameof(Household.VillageCode), "Code")
            .Build();
}
