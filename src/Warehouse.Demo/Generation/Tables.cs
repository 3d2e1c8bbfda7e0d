namespace Warehouse.Generation;

/// <summary>Base tables in FK order and the columns the generator writes (never the computed income columns).</summary>
internal static class Tables
{
    public const string Region = "region";
    public const string Household = "household";
    public const string Member = "member";
    public const string Project = "project";
    public const string ProjectBeneficiary = "project_beneficiary";
    public const string FundAllocation = "fund_allocation";
    public const string FundDisbursement = "fund_disbursement";
    public const string Workshop = "workshop";
    public const string WelfarePost = "welfare_post";
    public const string Employment = "employment";
    public const string Assistance = "assistance";
    public const string MonitoringCase = "monitoring_case";
    public const string HouseholdVisit = "household_visit";
    public const string Standard = "standard";
    public const string HouseholdIncomeYear = "household_income_year";

    /// <summary>All base tables in the order they are generated (FK order).</summary>
    public static IReadOnlyList<string> All { get; } =
        [Region, Household, Member, Project, ProjectBeneficiary, FundAllocation, FundDisbursement, Workshop, WelfarePost, Employment, Assistance,
         MonitoringCase, HouseholdVisit, Standard, HouseholdIncomeYear];

    /// <summary>Columns computed by the database; sinks must never write them.</summary>
    public static IReadOnlyList<string> ComputedColumns { get; } = ["net_income_fen", "per_capita_net_income_fen"];

    /// <summary>Columns holding 'yyyy-MM-dd' dates (TEXT in SQLite, date on SQL Server).</summary>
    public static IReadOnlyList<string> DateColumns { get; } =
        ["monitored_at", "risk_cleared_at", "birth_date", "plan_start", "plan_end", "accepted_at", "alloc_date", "paid_at",
         "term_start", "term_end", "start_month", "end_month", "start_date", "end_date", "reported_at", "identified_at", "visited_at", "valid_from",
             "valid_to"];

    /// <summary>Columns holding 0/1 flags (INTEGER in SQLite, bit on SQL Server).</summary>
    public static IReadOnlyList<string> FlagColumns { get; } =
        ["is_exited_village", "is_resettlement_site", "relocated", "water_safe", "med_ins", "pension_ins", "gov_invested", "full_time"];

    public static IReadOnlyList<string> RegionColumns { get; } =
        ["code", "name", "level", "parent_code", "county_code", "township_code", "urban_rural_type", "is_exited_village", "is_resettlement_site"];

    public static IReadOnlyList<string> HouseholdColumns { get; } =
        ["household_id", "county_code", "township_code", "village_code", "address", "geo_point", "household_attr", "exit_year",
         "monitor_type", "risk_types", "monitored_at", "risk_cleared_at", "household_size", "wage_income_fen", "business_income_fen",
         "business_cost_fen", "property_income_fen", "transfer_income_fen", "prev_per_capita_net_income_fen", "rigid_expense_fen",
         "relocated", "resettle_mode", "housing_safety", "water_safe", "safety_net", "phone", "bank_name", "bank_account"];

    public static IReadOnlyList<string> MemberColumns { get; } =
        ["member_id", "household_id", "county_code", "township_code", "village_code", "name", "id_number", "relation", "gender",
         "birth_date", "ethnicity", "education", "school_status", "health_status", "disease_name", "disability_type_grade",
         "disability_cert_no", "labor_capacity", "work_status", "work_months", "med_ins", "pension_ins", "training_need"];

    public static IReadOnlyList<string> ProjectColumns { get; } =
        ["project_code", "name", "type", "subtype", "site_code", "county_code", "township_code", "year", "nature", "lib_status",
         "total_invest_fen", "implementer", "plan_start", "plan_end", "accepted_at", "benef_households", "benef_persons", "link_modes",
         "labor_pay_fen", "asset_class", "asset_owner", "progress_pct"];

    public static IReadOnlyList<string> ProjectBeneficiaryColumns { get; } =
        ["project_code", "household_id", "county_code", "township_code", "village_code"];

    public static IReadOnlyList<string> FundAllocationColumns { get; } =
        ["alloc_id", "project_code", "county_code", "township_code", "doc_no", "source_level", "source_type", "amount_fen", "alloc_date", "year"];

    public static IReadOnlyList<string> FundDisbursementColumns { get; } =
        ["disb_id", "alloc_id", "project_code", "county_code", "township_code", "stage", "amount_fen", "paid_at", "payee_type", "payee_name", "payee_account"];

    public static IReadOnlyList<string> WorkshopColumns { get; } =
        ["workshop_id", "name", "operator_uscc", "form", "run_status", "county_code", "township_code", "village_code", "gov_invested",
         "workers_total", "workers_poor", "workers_monitored"];

    public static IReadOnlyList<string> WelfarePostColumns { get; } =
        ["post_id", "post_type", "county_code", "township_code", "village_code", "fund_source", "holder_member_id", "term_start", "term_end",
         "monthly_subsidy_fen", "full_time", "subsidy_due_fen", "subsidy_paid_fen"];

    public static IReadOnlyList<string> EmploymentColumns { get; } =
        ["emp_id", "member_id", "household_id", "county_code", "township_code", "village_code", "emp_form", "work_region", "employer",
         "start_month", "end_month", "monthly_wage_fen", "workshop_id", "post_id"];

    public static IReadOnlyList<string> AssistanceColumns { get; } =
        ["assist_id", "household_id", "member_id", "county_code", "township_code", "village_code", "category", "item", "start_date",
         "end_date", "amount_fen", "period", "channel", "ref_id", "cadre_name", "cadre_phone"];

    public static IReadOnlyList<string> MonitoringCaseColumns { get; } =
        ["case_id", "household_id", "county_code", "township_code", "village_code", "source", "reported_at", "case_status", "identified_at",
         "days_to_identify", "main_risk"];

    public static IReadOnlyList<string> HouseholdIncomeYearColumns { get; } =
        ["income_id", "household_id", "county_code", "township_code", "village_code", "income_year", "household_size", "wage_income_fen",
         "business_income_fen", "business_cost_fen", "property_income_fen", "transfer_income_fen"];

    public static IReadOnlyList<string> StandardColumns { get; } =
        ["standard_id", "county_code", "region_code", "standard_kind", "unit", "amount_fen", "valid_from", "valid_to"];

    public static IReadOnlyList<string> HouseholdVisitColumns { get; } =
        ["visit_id", "household_id", "county_code", "township_code", "village_code", "visited_at", "visitor", "purpose"];
}
