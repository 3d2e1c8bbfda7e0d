-- The API views: the only objects the application reads. SQLite has no schemas, so the `api_` prefix
-- stands in for SQL Server's `api` schema. Column lists are explicit so a base-table change never
-- silently changes what the API exposes.
CREATE VIEW api_regions AS
SELECT code, name, level, parent_code, county_code, township_code, urban_rural_type,
       is_exited_village, is_resettlement_site
FROM region;

CREATE VIEW api_households AS
SELECT household_id, county_code, township_code, village_code, address, geo_point, household_attr,
       exit_year, monitor_type, risk_types, monitored_at, risk_cleared_at, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       net_income_fen, per_capita_net_income_fen, prev_per_capita_net_income_fen, rigid_expense_fen,
       relocated, resettle_mode, housing_safety, water_safe, safety_net, phone, bank_name, bank_account
FROM household;

CREATE VIEW api_members AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need
FROM member;

CREATE VIEW api_projects AS
SELECT project_code, name, type, subtype, site_code, county_code, township_code, year, nature, lib_status,
       total_invest_fen, implementer, plan_start, plan_end, accepted_at, benef_households, benef_persons,
       link_modes, labor_pay_fen, asset_class, asset_owner, progress_pct
FROM project;

CREATE VIEW api_project_beneficiaries AS
SELECT project_code || ':' || household_id AS link_id, project_code, household_id, county_code, township_code, village_code
FROM project_beneficiary;

CREATE VIEW api_fund_allocations AS
SELECT alloc_id, project_code, county_code, township_code, doc_no, source_level, source_type, amount_fen,
       alloc_date, year
FROM fund_allocation;

CREATE VIEW api_fund_disbursements AS
SELECT disb_id, alloc_id, project_code, county_code, township_code, stage, amount_fen, paid_at, payee_type,
       payee_name, payee_account
FROM fund_disbursement;

CREATE VIEW api_workshops AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor
FROM workshop;

CREATE VIEW api_welfare_posts AS
SELECT post_id, post_type, county_code, township_code, village_code, fund_source, holder_member_id,
       term_start, term_end, monthly_subsidy_fen, full_time, subsidy_due_fen, subsidy_paid_fen
FROM welfare_post;

CREATE VIEW api_jobs AS
SELECT emp_id, member_id, household_id, county_code, township_code, village_code, emp_form, work_region,
       employer, start_month, end_month, monthly_wage_fen, workshop_id, post_id
FROM employment;

CREATE VIEW api_assistance AS
SELECT assist_id, household_id, member_id, county_code, township_code, village_code, category, item,
       start_date, end_date, amount_fen, period, channel, ref_id, cadre_name, cadre_phone
FROM assistance;
