-- Incremental refresh: the twin of db/sqlite/0009_updated_at.sql and db/sqlserver/0009_updated_at.sql
-- (docs/bi-feeds.md, "Incremental refresh"). updated_at is the UTC time a row was last written, timestamptz(3).
-- The default stamps the rows present now and every row inserted without a value; like SQLite (and unlike SQL
-- Server, where loads set it themselves) a trigger moves it forward on any UPDATE that does not set it. Deleted rows
-- leave no trace here: a periodic full refresh removes them downstream (docs/bi-feeds.md). Each view is its latest
-- definition with updated_at as the last column, which CREATE OR REPLACE VIEW allows.

CREATE FUNCTION wh.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- An update that sets updated_at itself (a load replaying a source's time) keeps it.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := date_trunc('milliseconds', clock_timestamp());
    END IF;
    RETURN NEW;
END;
$$;

ALTER TABLE wh.region ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_region_updated_at BEFORE UPDATE ON wh.region
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.household ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_household_updated_at BEFORE UPDATE ON wh.household
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.household_income_year ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_household_income_year_updated_at BEFORE UPDATE ON wh.household_income_year
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.member ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_member_updated_at BEFORE UPDATE ON wh.member
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.project ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_project_updated_at BEFORE UPDATE ON wh.project
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.fund_allocation ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_fund_allocation_updated_at BEFORE UPDATE ON wh.fund_allocation
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.fund_disbursement ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_fund_disbursement_updated_at BEFORE UPDATE ON wh.fund_disbursement
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.workshop ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_workshop_updated_at BEFORE UPDATE ON wh.workshop
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.welfare_post ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_welfare_post_updated_at BEFORE UPDATE ON wh.welfare_post
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.employment ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_employment_updated_at BEFORE UPDATE ON wh.employment
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.assistance ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_assistance_updated_at BEFORE UPDATE ON wh.assistance
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.monitoring_case ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_monitoring_case_updated_at BEFORE UPDATE ON wh.monitoring_case
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.household_visit ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_household_visit_updated_at BEFORE UPDATE ON wh.household_visit
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

ALTER TABLE wh.standard ADD COLUMN updated_at timestamptz(3) NOT NULL
    DEFAULT date_trunc('milliseconds', now());
CREATE TRIGGER tr_standard_updated_at BEFORE UPDATE ON wh.standard
    FOR EACH ROW EXECUTE FUNCTION wh.touch_updated_at();

CREATE OR REPLACE VIEW api.regions
AS
SELECT code, name, level, parent_code, county_code, township_code, urban_rural_type,
       is_exited_village, is_resettlement_site,
       updated_at
FROM wh.region;

CREATE OR REPLACE VIEW api.households
AS
SELECT h.household_id, h.county_code, h.township_code, h.village_code, h.address, h.geo_point, h.household_attr,
       h.exit_year, h.monitor_type, h.risk_types, h.monitored_at, h.risk_cleared_at, h.household_size,
       h.wage_income_fen, h.business_income_fen, h.business_cost_fen, h.property_income_fen, h.transfer_income_fen,
       h.net_income_fen, h.per_capita_net_income_fen, h.prev_per_capita_net_income_fen, h.rigid_expense_fen,
       h.relocated, h.resettle_mode, h.housing_safety, h.water_safe, h.safety_net, h.phone, h.bank_name, h.bank_account,
       h.record_key,
       CASE WHEN h.prev_per_capita_net_income_fen IS NULL THEN NULL
            ELSE h.per_capita_net_income_fen - h.prev_per_capita_net_income_fen END AS income_change_fen,
       CASE WHEN h.prev_per_capita_net_income_fen > 0
            THEN CAST((h.per_capita_net_income_fen - h.prev_per_capita_net_income_fen) * 100 / h.prev_per_capita_net_income_fen AS int) END AS income_change_pct,
       CASE WHEN h.net_income_fen > 0 THEN CAST(h.transfer_income_fen * 100 / h.net_income_fen AS int) END AS transfer_share_pct,
       CAST((SELECT COUNT(*) FROM wh.member AS m WHERE m.household_id = h.household_id
          AND m.labor_capacity IN ('普通劳动力', '技能劳动力', '弱劳动力或半劳动力')) AS int) AS labour_members,
       CAST((SELECT COUNT(*) FROM wh.member AS m WHERE m.household_id = h.household_id AND m.work_status <> '未务工') AS int) AS working_members,
       (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) AS prev_business_net_fen,
       CASE WHEN (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) > 0
            THEN CAST(((h.business_income_fen - h.business_cost_fen) - (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id))) * 100 / (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) AS int) END AS business_net_change_pct,
       (CASE WHEN (h.business_income_fen - h.business_cost_fen) * 5 < (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) * 4 THEN true ELSE false END) AS business_fell_20,
       h.updated_at
FROM wh.household AS h;

CREATE OR REPLACE VIEW api.household_incomes
AS
SELECT income_id, household_id, county_code, township_code, village_code, income_year, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen AS net_income_fen,
       (wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) / household_size AS per_capita_net_income_fen,
       updated_at
FROM wh.household_income_year;

CREATE OR REPLACE VIEW api.members
AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need, record_key,
       updated_at
FROM wh.member;

CREATE OR REPLACE VIEW api.projects
AS
SELECT project_code, name, type, subtype, site_code, county_code, township_code, year, nature, lib_status,
       total_invest_fen, implementer, plan_start, plan_end, accepted_at, benef_households, benef_persons,
       link_modes, labor_pay_fen, asset_class, asset_owner, progress_pct,
       updated_at
FROM wh.project;

CREATE OR REPLACE VIEW api.fund_allocations
AS
SELECT alloc_id, project_code, county_code, township_code, doc_no, source_level, source_type, amount_fen,
       alloc_date, year,
       updated_at
FROM wh.fund_allocation;

CREATE OR REPLACE VIEW api.fund_disbursements
AS
SELECT disb_id, alloc_id, project_code, county_code, township_code, stage, amount_fen, paid_at, payee_type,
       payee_name, payee_account,
       updated_at
FROM wh.fund_disbursement;

CREATE OR REPLACE VIEW api.workshops
AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor, workers_monitored,
       updated_at
FROM wh.workshop;

CREATE OR REPLACE VIEW api.welfare_posts
AS
SELECT p.post_id, p.post_type, p.county_code, p.township_code, p.village_code, p.fund_source, p.holder_member_id,
       p.term_start, p.term_end, p.monthly_subsidy_fen, p.full_time, p.subsidy_due_fen, p.subsidy_paid_fen,
       m.birth_date AS subject_birth_date, p.record_key,
       p.updated_at
FROM wh.welfare_post AS p
LEFT JOIN wh.member AS m ON m.member_id = p.holder_member_id;

CREATE OR REPLACE VIEW api.jobs
AS
SELECT e.emp_id, e.member_id, e.household_id, e.county_code, e.township_code, e.village_code, e.emp_form, e.work_region,
       e.employer, e.start_month, e.end_month, e.monthly_wage_fen, e.workshop_id, e.post_id,
       m.birth_date AS subject_birth_date, e.record_key,
       e.updated_at
FROM wh.employment AS e
LEFT JOIN wh.member AS m ON m.member_id = e.member_id;

CREATE OR REPLACE VIEW api.assistance
AS
SELECT a.assist_id, a.household_id, a.member_id, a.county_code, a.township_code, a.village_code, a.category, a.item,
       a.start_date, a.end_date, a.amount_fen, a.period, a.channel, a.ref_id, a.cadre_name, a.cadre_phone,
       m.birth_date AS subject_birth_date, a.record_key,
       a.updated_at
FROM wh.assistance AS a
LEFT JOIN wh.member AS m ON m.member_id = a.member_id;

CREATE OR REPLACE VIEW api.cases
AS
SELECT case_id, household_id, county_code, township_code, village_code, source, reported_at, case_status, identified_at,
       days_to_identify, main_risk,
       updated_at
FROM wh.monitoring_case;

CREATE OR REPLACE VIEW api.visits
AS
SELECT visit_id, household_id, county_code, township_code, village_code, visited_at, visitor, purpose,
       updated_at
FROM wh.household_visit;

CREATE OR REPLACE VIEW api.standards
AS
SELECT standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to,
       updated_at
FROM wh.standard;
