-- The API views: the only objects the application reads. The twin of db/sqlite/0002_api_views.sql, where
-- the `api_` name prefix stands in for this `api` schema (api_regions is api.regions). Column lists are
-- explicit so a base-table change never silently changes what the API exposes; PostgreSQL records every view's
-- dependencies by itself (as SCHEMABINDING does on SQL Server): a base-table change that would break a view is
-- refused until the view is dropped and re-created by a later script.

CREATE SCHEMA api;

CREATE VIEW api.regions
AS
SELECT code, name, level, parent_code, county_code, township_code, urban_rural_type,
       is_exited_village, is_resettlement_site
FROM wh.region;

CREATE VIEW api.households
AS
SELECT household_id, county_code, township_code, village_code, address, geo_point, household_attr,
       exit_year, monitor_type, risk_types, monitored_at, risk_cleared_at, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       net_income_fen, per_capita_net_income_fen, prev_per_capita_net_income_fen, rigid_expense_fen,
       relocated, resettle_mode, housing_safety, water_safe, safety_net, phone, bank_name, bank_account
FROM wh.household;

CREATE VIEW api.members
AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need
FROM wh.member;

CREATE VIEW api.projects
AS
SELECT project_code, name, type, subtype, site_code, county_code, township_code, year, nature, lib_status,
       total_invest_fen, implementer, plan_start, plan_end, accepted_at, benef_households, benef_persons,
       link_modes, labor_pay_fen, asset_class, asset_owner, progress_pct
FROM wh.project;

-- link_id gives the link table a single-column key; || propagates NULL as in SQLite (both parts are NOT NULL
-- anyway) and keeps the "C" collation of the two codes.
CREATE VIEW api.project_beneficiaries
AS
SELECT project_code || ':' || household_id AS link_id, project_code, household_id, county_code, township_code,
       village_code
FROM wh.project_beneficiary;

CREATE VIEW api.fund_allocations
AS
SELECT alloc_id, project_code, county_code, township_code, doc_no, source_level, source_type, amount_fen,
       alloc_date, year
FROM wh.fund_allocation;

CREATE VIEW api.fund_disbursements
AS
SELECT disb_id, alloc_id, project_code, county_code, township_code, stage, amount_fen, paid_at, payee_type,
       payee_name, payee_account
FROM wh.fund_disbursement;

CREATE VIEW api.workshops
AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor
FROM wh.workshop;

CREATE VIEW api.welfare_posts
AS
SELECT post_id, post_type, county_code, township_code, village_code, fund_source, holder_member_id,
       term_start, term_end, monthly_subsidy_fen, full_time, subsidy_due_fen, subsidy_paid_fen
FROM wh.welfare_post;

CREATE VIEW api.jobs
AS
SELECT emp_id, member_id, household_id, county_code, township_code, village_code, emp_form, work_region,
       employer, start_month, end_month, monthly_wage_fen, workshop_id, post_id
FROM wh.employment;

CREATE VIEW api.assistance
AS
SELECT assist_id, household_id, member_id, county_code, township_code, village_code, category, item,
       start_date, end_date, amount_fen, period, channel, ref_id, cadre_name, cadre_phone
FROM wh.assistance;
