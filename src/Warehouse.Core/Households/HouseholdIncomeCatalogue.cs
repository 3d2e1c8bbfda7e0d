using Warehouse.Catalogue;

namespace Warehouse.Households;

/// <summary>Catalogue entry for the yearly income history: personal data, scoped and granted like the household's incomes.</summary>
internal static class HouseholdIncomeCatalogue
{
    public static EntityDef<HouseholdIncome> Build() =>
        new EntityBuilder<HouseholdIncome>("HouseholdIncome", "householdIncomes", "householdIncome", "household_incomes", "年度收入",
                "One year of a household's income components (at least the reference year and the two before), so that changes between years are " +
                    "recorded facts. Rows are limited to the reader's region.",
                RowScope.Region)
            .Key(x => x.Id, "id", "收入记录编号", "户编号-年度。Household number and year, e.g. H0000005-2024.", column: "income_id")
            .Field(x => x.HouseholdId, "householdId", "户编号", "The household.", sensitivity: Sensitivity.Internal, caps: FieldCaps.All,
                identity: Identity.Identifying)
            .RegionCodes("the managing village", Sensitivity.Internal)
            .Field(x => x.IncomeYear, "incomeYear", "年度", "收入所属年度。Calendar year the incomes refer to.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.HouseholdSize, "householdSize", "家庭人口", "当年家庭人口。Household members that year.", sensitivity: Sensitivity.Personal, caps: FieldCaps.All)
            .Field(x => x.WageIncomeFen, "wageIncome", "工资性收入", "工资性收入（元/年）。Wage income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.BusinessIncomeFen, "businessIncome", "生产经营性收入", "生产经营性收入（元/年）。Business (farming, trade) income, 元 per year.",
                sensitivity: Sensitivity.Personal)
            .Field(x => x.BusinessCostFen, "businessCost", "生产经营性支出", "生产经营性支出（元/年）。Business costs, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.PropertyIncomeFen, "propertyIncome", "财产性收入", "财产性收入（元/年）。Property income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.TransferIncomeFen, "transferIncome", "转移性收入", "转移性收入（元/年）。Transfer income, 元 per year.", sensitivity: Sensitivity.Personal)
            .Field(x => x.NetIncomeFen, "netIncome", "家庭纯收入", "家庭纯收入 = 工资 + 经营 − 经营支出 + 财产 + 转移。Net income = wage + business − cost + property + transfer, 元.",
                sensitivity: Sensitivity.Personal)
            .Field(x => x.PerCapitaNetIncomeFen, "perCapitaNetIncome", "人均纯收入",
                "人均纯收入 = 纯收入 ÷ 当年人口（截至分）。Net income per member that year, truncated to the fen.", sensitivity: Sensitivity.Personal)
            .HasOne("household", "所属户", "The household.", "Household", nameof(HouseholdIncome.HouseholdId), "Id")
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
