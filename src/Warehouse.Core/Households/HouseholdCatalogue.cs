using Warehouse.Catalogue;

namespace Warehouse.Households;

/// <summary>Catalogue entry for households: field set of the 建档立卡 registration form plus monitoring fields.</summary>
internal static class HouseholdCatalogue
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
            .Field(x => x.HouseholdAttr, "householdAttr", "户属性", "脱贫户 (exited poverty) or 一般农户 (ordinary household).", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.ExitYear, "exitYear", "脱贫年度", "Year the household exited poverty.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.MonitorType, "monitorType", "监测对象类别", "脱贫不稳定户, 边缘易致贫户, 突发严重困难户, or null when not monitored.", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.RiskTypes, "riskTypes", "风险类型",
                "Up to three risk types: 因病, 因学, 因残, 因自然灾害, 因意外事故, 因产业项目失败, 因务工就业不稳, 缺劳动力, 其他. Filter with some: {eq: \"因病\"} (an element " +
                "matches), none or any.",
                kind: FieldKind.StringList, sensitivity: Sensitivity.Sensitive, caps: FieldCaps.Filter)
            .Field(x => x.MonitoredAt, "monitoredAt", "识别日期", "Date the household was identified for monitoring.", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.RiskClearedAt, "riskClearedAt", "风险消除日期", "Date the risk was cleared (null while open).", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
            .Field(x => x.HouseholdSize, "householdSize", "家庭人口", "Number of household members.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WageIncomeFen, "wageIncome", "工资性收入", "Wage income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.BusinessIncomeFen, "businessIncome", "生产经营性收入", "Business (farming, trade) income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.BusinessCostFen, "businessCost", "生产经营性支出", "Business costs, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.PropertyIncomeFen, "propertyIncome", "财产性收入", "Property income (land transfer, dividends), 元 per year.",
                sensitivity: Sensitivity.Personal)
            .Field(x => x.TransferIncomeFen, "transferIncome", "转移性收入", "Transfer income (pensions, 低保 and other payments), 元 per year.",
                sensitivity: Sensitivity.Personal)
            .Field(x => x.NetIncomeFen, "netIncome", "家庭纯收入", "Net income = wage + business − business cost + property + transfer, 元 per year.",
                sensitivity: Sensitivity.Personal)
            .Field(x => x.PerCapitaNetIncomeFen, "perCapitaNetIncome", "人均纯收入",
                "Net income per member (元 per year, truncated to the fen). Below 8,500 means priority review.", sensitivity: Sensitivity.Personal)
            .Field(x => x.PrevPerCapitaNetIncomeFen, "prevPerCapitaNetIncome", "上年人均纯收入",
                "Per-capita net income of the previous year (元), to spot falling incomes.", sensitivity: Sensitivity.Personal)
            .Field(x => x.IncomeChangeFen, "incomeChange", "人均纯收入增减",
                "人均纯收入较上年增减额（元）= perCapitaNetIncome − prevPerCapitaNetIncome；无上年数据为 null。Change of per-capita net income against the previous " +
                    "year, 元 (negative: it fell); null without a previous year.",
                sensitivity: Sensitivity.Personal, column: "income_change_fen")
            .Field(x => x.IncomeChangePct, "incomeChangePct", "人均纯收入增减率",
                "人均纯收入较上年增减百分比（整数，向零截断）；上年为 0 或缺失时为 null。Per-capita net income change in whole percent of the previous year's, truncated toward " +
                    "zero; null when the previous year is missing or zero.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.TransferSharePct, "transferSharePct", "转移性收入占比",
                "转移性收入占家庭纯收入的百分比（整数，向零截断）；纯收入 ≤ 0 时为 null。Transfer income as whole percent of net income, truncated toward zero; null when net " +
                    "income ≤ 0. For the > 60 % rule use the exact measure transferAbove60 (61 here means 61–62 %, 60 may still be above 60 %).",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.LabourMembers, "labourMembers", "劳动力人数",
                "家庭成员中劳动力人数（普通劳动力、技能劳动力、弱劳动力或半劳动力）。Members with labour capacity 普通劳动力, 技能劳动力 or 弱劳动力或半劳动力; 0 = a household with no labour.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WorkingMembers, "workingMembers", "务工人数",
                "本年度务工的家庭成员人数（务工状况不为 未务工）。Members who worked in the year (workStatus other than 未务工); 0 = no one working.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.PrevBusinessNetFen, "prevBusinessNetIncome", "上年经营净收入",
                "上年生产经营净收入（元）= 上年经营收入 − 上年经营支出，取自年度收入记录；无记录为 null。Last year's business income net of costs, 元, from the yearly income history; " +
                    "null without that year.",
                sensitivity: Sensitivity.Personal, column: "prev_business_net_fen")
            .Field(x => x.BusinessNetChangePct, "businessNetChangePct", "经营净收入增减率",
                "生产经营净收入较上年增减百分比（整数，向零截断）；上年 ≤ 0 或无记录为 null。Business net income change in whole percent of last year's, truncated toward zero; " +
                    "null when last year's was ≤ 0 or is missing.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.BusinessFell20, "businessFellOver20", "经营收入下降超20%",
                "生产经营净收入较上年下降超过20%（本年 < 上年 × 0.8，精确比较）。Business net income fell by more than 20 % against last year (this year < 0.8 × last year, " +
                    "exact); false without last year.",
                sensitivity: Sensitivity.Personal, caps: FieldCaps.All, column: "business_fell_20")
            .Field(x => x.RigidExpenseFen, "rigidExpense", "合规自付支出", "Eligible out-of-pocket medical and education spending, 元 per year.",
                sensitivity: Sensitivity.Sensitive)
            .Field(x => x.Relocated, "relocated", "易地搬迁", "Relocated under the poverty-alleviation relocation programme.", sensitivity: Sensitivity.Personal,
                caps: FieldCaps.All)
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
            .HasMany("cases", "监测识别", "Monitoring cases of the household (reported, verified, reviewed, identified).", "MonitoringCase", nameof(Household.Id),
                "HouseholdId")
            .HasMany("incomes", "年度收入", "The household's income components year by year; order by incomeYear.", "HouseholdIncome", nameof(Household.Id),
                "HouseholdId")
            .HasMany("visits", "走访记录", "Visits to the household; order by visitedAt DESC for the last one.", "Visit", nameof(Household.Id), "HouseholdId")
            .HasOne("village", "所属村", "The managing village.", "Region", nameof(Household.VillageCode), "Code")
            .AsOf("daysSinceRiskCleared", "距风险消除天数",
                "报告日减风险消除日期的天数；未消除为空（不匹配）。Days from riskClearedAt to the as-of date (as-of − riskClearedAt): {gte: 0} = the risk was cleared by " +
                "the as-of date; no match while the risk is open.",
                AsOfKind.DaysSince, "riskClearedAt")
            .Measures(HouseholdMeasures.For)
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
