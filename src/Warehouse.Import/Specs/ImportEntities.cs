using Warehouse.Catalogue;
using static Warehouse.Import.Specs.ColumnKind;

namespace Warehouse.Import.Specs;

/// <summary>
/// The entities an import loads, in the order they are loaded (a referenced entity before the ones that refer to
/// it), with their template columns. Names are the catalogue's list fields; headers its labels.
/// </summary>
public static class ImportEntities
{
    /// <summary>Not imported: region codes are checked against the warehouse's region table.</summary>
    public const string Regions = "regions";

    private static readonly IReadOnlyList<(string, string)> HouseholdCopies =
        [("county_code", "county_code"), ("township_code", "township_code"), ("village_code", "village_code")];

    public static IReadOnlyList<EntitySpec> All { get; } = Build(WarehouseCatalogue.Default);

    public static EntitySpec? Find(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase) || e.Label == name || e.Table == name);

    public static EntitySpec Require(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown entity '{name}': use one of {string.Join(", ", All.Select(e => e.Name))}.");

    private static List<EntitySpec> Build(WarehouseCatalogue catalogue)
    {
        EntityDef E(string type) => catalogue.Require(type);
        const long MaxMoney = 100_000_000_000; // 10 亿元 in fen: no single record of a county is larger; catches 万/元 slips.
        return
        [
            new SpecBuilder(E("Household"), "household", hasRecordKey: true)
                .Key("household_id", "H0000001")
                .Region("village_code", "139901101202", "VILLAGE")
                .Add("address", Text, "三组12号")
                .Add("geo_point", Text, "40.9512,117.9321", maxLength: 64)
                .Add("household_attr", Vocabulary, "脱贫户", required: true, vocabulary: Vocabularies.HouseholdAttr, maxLength: 20)
                .Add("exit_year", Int, "2019", min: 2013, max: 2030)
                .Add("monitor_type", Vocabulary, "边缘易致贫户", vocabulary: Vocabularies.MonitorType, maxLength: 20)
                .Add("risk_types", VocabularyList, "因病、缺劳动力", vocabulary: Vocabularies.RiskType)
                .Add("monitored_at", Date, "2024-03-21")
                .Add("risk_cleared_at", Date, "")
                .Add("household_size", Int, "3", required: true, min: 1, max: 30)
                .Add("wage_income_fen", Money, "1.2万", required: true, min: 0, max: MaxMoney)
                .Add("business_income_fen", Money, "3500", required: true, min: 0, max: MaxMoney)
                .Add("business_cost_fen", Money, "800.50", required: true, min: 0, max: MaxMoney)
                .Add("property_income_fen", Money, "0", required: true, min: 0, max: MaxMoney)
                .Add("transfer_income_fen", Money, "4,260.00元", required: true, min: 0, max: MaxMoney)
                .Add("prev_per_capita_net_income_fen", Money, "6800", min: -MaxMoney, max: MaxMoney)
                .Add("rigid_expense_fen", Money, "0", min: 0, max: MaxMoney, @default: 0L)
                .Add("relocated", Flag, "否", @default: false)
                .Add("resettle_mode", Vocabulary, "", vocabulary: Vocabularies.ResettleMode, maxLength: 20)
                .Add("housing_safety", Vocabulary, "A", vocabulary: Vocabularies.HousingSafety, maxLength: 20)
                .Add("water_safe", Flag, "是", @default: true)
                .Add("safety_net", Vocabulary, "无", vocabulary: Vocabularies.SafetyNet, maxLength: 20, @default: "无")
                .Add("phone", Text, "13812345678", maxLength: 20)
                .Add("bank_name", Text, "农商行", maxLength: 100)
                .Add("bank_account", Text, "6228480012345678901", maxLength: 32)
                .Build(),
            new SpecBuilder(E("Member"), "member", hasRecordKey: true)
                .Key("member_id", "M0000001-01")
                .Reference("household_id", "households", "H0000001", required: true, HouseholdCopies)
                .Add("name", Text, "张三", required: true, maxLength: 100)
                .Add("id_number", IdNumber, "139901198503150019", required: true, maxLength: 18, unique: true)
                .Add("relation", Vocabulary, "户主", required: true, vocabulary: Vocabularies.Relation, maxLength: 20)
                .Add("gender", Vocabulary, "男", required: true, vocabulary: Vocabularies.Gender, maxLength: 20)
                .Add("birth_date", Date, "1985年3月15日", required: true)
                .Add("ethnicity", Vocabulary, "汉族", required: true, vocabulary: Vocabularies.Ethnicity, maxLength: 20)
                .Add("education", Vocabulary, "初中", vocabulary: Vocabularies.Education, maxLength: 20)
                .Add("school_status", Vocabulary, "", vocabulary: Vocabularies.SchoolStatus, maxLength: 20)
                .Add("health_status", Vocabulary, "健康", required: true, vocabulary: Vocabularies.HealthStatus, maxLength: 20)
                .Add("disease_name", Text, "", maxLength: 100)
                .Add("disability_type_grade", Text, "", maxLength: 20)
                .Add("disability_cert_no", Text, "", maxLength: 20)
                .Add("labor_capacity", Vocabulary, "普通劳动力", required: true, vocabulary: Vocabularies.LaborCapacity, maxLength: 20)
                .Add("work_status", Vocabulary, "县内务工", required: true, vocabulary: Vocabularies.WorkStatus, maxLength: 20)
                .Add("work_months", Int, "10", min: 0, max: 12, @default: 0)
                .Add("med_ins", Flag, "是", @default: true)
                .Add("pension_ins", Flag, "是", @default: true)
                .Add("training_need", Text, "电工")
                .Build(),
            new SpecBuilder(E("Project"), "project")
                .Key("project_code", "XM2024-139901-001")
                .Add("name", Text, "梨树洼村食用菌大棚", required: true)
                .Add("type", Vocabulary, "产业发展", required: true, vocabulary: Vocabularies.ProjectType, maxLength: 20)
                .Add("subtype", Text, "种植业基地", maxLength: 20)
                .Region("site_code", "139901101202", "VILLAGE", "TOWNSHIP")
                .Add("year", Int, "2024", required: true, min: 2000, max: 2100)
                .Add("nature", Vocabulary, "新建", required: true, vocabulary: Vocabularies.ProjectNature, maxLength: 20)
                .Add("lib_status", Vocabulary, "实施", required: true, vocabulary: Vocabularies.LibStatus, maxLength: 20)
                .Add("total_invest_fen", Money, "85万", required: true, min: 0, max: MaxMoney)
                .Add("implementer", Text, "黄土坎镇人民政府", required: true, maxLength: 100)
                .Add("plan_start", Date, "2024.4.1")
                .Add("plan_end", Date, "2024.10.31")
                .Add("accepted_at", Date, "")
                .Add("benef_households", Int, "56", min: 0, max: 1_000_000, @default: 0)
                .Add("benef_persons", Int, "160", min: 0, max: 10_000_000, @default: 0)
                .Add("link_modes", VocabularyList, "务工、分红", vocabulary: Vocabularies.LinkMode)
                .Add("labor_pay_fen", Money, "0", min: 0, max: MaxMoney, @default: 0L)
                .Add("asset_class", Vocabulary, "经营性", vocabulary: Vocabularies.AssetClass, maxLength: 20)
                .Add("asset_owner", Text, "梨树洼村股份经济合作社", maxLength: 100)
                .Add("progress_pct", Int, "60", min: 0, max: 100, @default: 0)
                .Build(),
            new SpecBuilder(E("FundAllocation"), "fund_allocation")
                .Key("alloc_id", "ZB2024-001")
                .Reference("project_code", "projects", "XM2024-139901-001", required: true,
                    [("county_code", "county_code"), ("township_code", "township_code")])
                .Add("doc_no", Text, "冀财农〔2024〕12号", required: true, maxLength: 100)
                .Add("source_level", Vocabulary, "中央", required: true, vocabulary: Vocabularies.SourceLevel, maxLength: 20)
                .Add("source_type", Vocabulary, "衔接资金", required: true, vocabulary: Vocabularies.SourceType, maxLength: 20)
                .Add("amount_fen", Money, "50万", required: true, min: 0, max: MaxMoney)
                .Add("alloc_date", Date, "2024年3月5日", required: true)
                .Add("year", Int, "2024", required: true, min: 2000, max: 2100)
                .Build(),
            new SpecBuilder(E("Disbursement"), "fund_disbursement")
                .Key("disb_id", "ZF2024-001")
                .Reference("alloc_id", "funds", "ZB2024-001", required: true,
                    [("project_code", "project_code"), ("county_code", "county_code"), ("township_code", "township_code")])
                .Add("stage", Vocabulary, "拨付", required: true, vocabulary: Vocabularies.Stage, maxLength: 20)
                .Add("amount_fen", Money, "20万", required: true, min: -MaxMoney, max: MaxMoney)
                .Add("paid_at", Date, "20240520", required: true)
                .Add("payee_type", Vocabulary, "企业", required: true, vocabulary: Vocabularies.PayeeType, maxLength: 20)
                .Add("payee_name", Text, "宏达建筑工程有限公司", required: true)
                .Add("payee_account", Text, "", maxLength: 32)
                .Build(),
            new SpecBuilder(E("WelfarePost"), "welfare_post", hasRecordKey: true)
                .Key("post_id", "GW-0001")
                .Add("post_type", Vocabulary, "村庄保洁员", required: true, vocabulary: Vocabularies.PostType, maxLength: 20)
                .Region("village_code", "139901101202", "VILLAGE")
                .Add("fund_source", Text, "衔接资金", required: true, maxLength: 20)
                .Reference("holder_member_id", "members", "M0000001-01", required: false, [])
                .Add("term_start", Date, "2025-01-01", required: true)
                .Add("term_end", Date, "2025-12-31", required: true)
                .Add("monthly_subsidy_fen", Money, "500", required: true, min: 0, max: MaxMoney)
                .Add("full_time", Flag, "否", @default: false)
                .Add("subsidy_due_fen", Money, "6000", min: 0, max: MaxMoney, @default: 0L)
                .Add("subsidy_paid_fen", Money, "5500", min: 0, max: MaxMoney, @default: 0L)
                .Build(),
            new SpecBuilder(E("Job"), "employment", hasRecordKey: true)
                .Key("emp_id", "JY-000001")
                .Reference("member_id", "members", "M0000001-01", required: true,
                    [("household_id", "household_id"), ("county_code", "county_code"), ("township_code", "township_code"), ("village_code", "village_code")])
                .Add("emp_form", Vocabulary, "外出务工", required: true, vocabulary: Vocabularies.EmpForm, maxLength: 20)
                .Add("work_region", Text, "省外·北京", required: true, maxLength: 100)
                .Add("employer", Text, "宏达建筑工程有限公司", maxLength: 100)
                .Add("start_month", Month, "2024-03", required: true)
                .Add("end_month", Month, "")
                .Add("monthly_wage_fen", Money, "4500", required: true, min: 0, max: MaxMoney)
                .Reference("workshop_id", "workshops", "", required: false, [])
                .Reference("post_id", "posts", "", required: false, [])
                .Build(),
            new SpecBuilder(E("Assistance"), "assistance", hasRecordKey: true)
                .Key("assist_id", "BF-000001")
                .Reference("household_id", "households", "H0000001", required: true, HouseholdCopies)
                .Reference("member_id", "members", "", required: false, [], mustMatch: [("household_id", "household_id")])
                .Add("category", Vocabulary, "产业", required: true, vocabulary: Vocabularies.AssistanceCategory, maxLength: 20)
                .Add("item", Text, "到户产业奖补", required: true, maxLength: 100)
                .Add("start_date", Date, "2024/5/10", required: true)
                .Add("end_date", Date, "")
                .Add("amount_fen", Money, "2000", required: true, min: 0, max: MaxMoney)
                .Add("period", Vocabulary, "一次性", required: true, vocabulary: Vocabularies.Period, maxLength: 20)
                .Add("channel", Vocabulary, "一卡通", required: true, vocabulary: Vocabularies.Channel, maxLength: 20)
                .Add("ref_id", Text, "", maxLength: 32)
                .Add("cadre_name", Text, "李明", maxLength: 100)
                .Add("cadre_phone", Text, "0314-1234567", maxLength: 20)
                .Build(),
        ];
    }
}
