-- Incremental refresh (docs/bi-feeds.md, "Incremental refresh"): every exposed row carries updated_at, the UTC time it
-- was last written, so a BI tool can ask for "rows changed since my last refresh" with where: {updatedAt: {gte: …}}.
-- Stored as TEXT 'YYYY-MM-DD HH:MM:SS.SSS' in UTC (what strftime('%Y-%m-%d %H:%M:%f', 'now') gives): fixed width,
-- so text order is time order and comparisons in SQL are correct; the EF mapping writes parameters the same way.
-- SQLite cannot add a column with a non-constant default, so the column defaults to a sentinel (the epoch) and:
--   * rows present now get the time of this migration;
--   * AFTER INSERT: a row inserted without updated_at (still the sentinel) gets the insert time;
--   * AFTER UPDATE OF <every stored column but updated_at and record_key>: an update of the row's data that does
--     not set updated_at itself gets the update time. A loader that writes updated_at explicitly (the generator
--     does) keeps its value. The column list keeps the triggers' own writes (updated_at here, record_key in 0006)
--     from counting as changes: 0006 draws a record key after every insert with an UPDATE, which must not
--     overwrite the generator's updated_at. A table that gains a column later must re-create its trigger.
-- Deleted rows leave no trace here: a periodic full refresh removes them downstream (docs/bi-feeds.md).
ALTER TABLE region ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE household ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE household_income_year ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE member ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE project ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE fund_allocation ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE fund_disbursement ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE workshop ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE welfare_post ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE employment ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE assistance ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE monitoring_case ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE household_visit ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';
ALTER TABLE standard ADD COLUMN updated_at TEXT NOT NULL DEFAULT '1970-01-01 00:00:00.000';

UPDATE region SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE household SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE household_income_year SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE member SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE project SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE fund_allocation SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE fund_disbursement SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE workshop SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE welfare_post SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE employment SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE assistance SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE monitoring_case SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE household_visit SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE standard SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now');

CREATE TRIGGER tr_region_inserted_at AFTER INSERT ON region WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE region SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_region_updated_at AFTER UPDATE OF code, name, level, parent_code, county_code, township_code, urban_rural_type, is_exited_village, is_resettlement_site ON region
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE region SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_household_inserted_at AFTER INSERT ON household WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE household SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_household_updated_at AFTER UPDATE OF household_id, county_code, township_code, village_code, address, geo_point, household_attr, exit_year, monitor_type, risk_types, monitored_at, risk_cleared_at, household_size, wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen, prev_per_capita_net_income_fen, rigid_expense_fen, relocated, resettle_mode, housing_safety, water_safe, safety_net, phone, bank_name, bank_account ON household
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE household SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_household_income_year_inserted_at AFTER INSERT ON household_income_year WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE household_income_year SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_household_income_year_updated_at AFTER UPDATE OF income_id, household_id, county_code, township_code, village_code, income_year, household_size, wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen ON household_income_year
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE household_income_year SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_member_inserted_at AFTER INSERT ON member WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE member SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_member_updated_at AFTER UPDATE OF member_id, household_id, county_code, township_code, village_code, name, id_number, relation, gender, birth_date, ethnicity, education, school_status, health_status, disease_name, disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins, pension_ins, training_need ON member
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE member SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_project_inserted_at AFTER INSERT ON project WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE project SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_project_updated_at AFTER UPDATE OF project_code, name, type, subtype, site_code, county_code, township_code, year, nature, lib_status, total_invest_fen, implementer, plan_start, plan_end, accepted_at, benef_households, benef_persons, link_modes, labor_pay_fen, asset_class, asset_owner, progress_pct ON project
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE project SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_fund_allocation_inserted_at AFTER INSERT ON fund_allocation WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE fund_allocation SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_fund_allocation_updated_at AFTER UPDATE OF alloc_id, project_code, county_code, township_code, doc_no, source_level, source_type, amount_fen, alloc_date, year ON fund_allocation
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE fund_allocation SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_fund_disbursement_inserted_at AFTER INSERT ON fund_disbursement WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE fund_disbursement SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_fund_disbursement_updated_at AFTER UPDATE OF disb_id, alloc_id, project_code, county_code, township_code, stage, amount_fen, paid_at, payee_type, payee_name, payee_account ON fund_disbursement
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE fund_disbursement SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_workshop_inserted_at AFTER INSERT ON workshop WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE workshop SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_workshop_updated_at AFTER UPDATE OF workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code, gov_invested, workers_total, workers_poor, workers_monitored ON workshop
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE workshop SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_welfare_post_inserted_at AFTER INSERT ON welfare_post WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE welfare_post SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_welfare_post_updated_at AFTER UPDATE OF post_id, post_type, county_code, township_code, village_code, fund_source, holder_member_id, term_start, term_end, monthly_subsidy_fen, full_time, subsidy_due_fen, subsidy_paid_fen ON welfare_post
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE welfare_post SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_employment_inserted_at AFTER INSERT ON employment WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE employment SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_employment_updated_at AFTER UPDATE OF emp_id, member_id, household_id, county_code, township_code, village_code, emp_form, work_region, employer, start_month, end_month, monthly_wage_fen, workshop_id, post_id ON employment
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE employment SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_assistance_inserted_at AFTER INSERT ON assistance WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE assistance SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_assistance_updated_at AFTER UPDATE OF assist_id, household_id, member_id, county_code, township_code, village_code, category, item, start_date, end_date, amount_fen, period, channel, ref_id, cadre_name, cadre_phone ON assistance
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE assistance SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_monitoring_case_inserted_at AFTER INSERT ON monitoring_case WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE monitoring_case SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_monitoring_case_updated_at AFTER UPDATE OF case_id, household_id, county_code, township_code, village_code, source, reported_at, case_status, identified_at, days_to_identify, main_risk ON monitoring_case
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE monitoring_case SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_household_visit_inserted_at AFTER INSERT ON household_visit WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE household_visit SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_household_visit_updated_at AFTER UPDATE OF visit_id, household_id, county_code, township_code, village_code, visited_at, visitor, purpose ON household_visit
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE household_visit SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_standard_inserted_at AFTER INSERT ON standard WHEN NEW.updated_at = '1970-01-01 00:00:00.000'
BEGIN UPDATE standard SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_standard_updated_at AFTER UPDATE OF standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to ON standard
    WHEN NEW.updated_at = OLD.updated_at
BEGIN UPDATE standard SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid; END;

-- The views: each re-created from its latest definition with updated_at as the last column.
-- api_regions: as in 0002, plus updated_at.
DROP VIEW api_regions;
CREATE VIEW api_regions AS
SELECT code, name, level, parent_code, county_code, township_code, urban_rural_type,
       is_exited_village, is_resettlement_site,
       updated_at
FROM region;

-- api_households: as in 0007, plus updated_at.
DROP VIEW api_households;
CREATE VIEW api_households AS
SELECT h.household_id, h.county_code, h.township_code, h.village_code, h.address, h.geo_point, h.household_attr,
       h.exit_year, h.monitor_type, h.risk_types, h.monitored_at, h.risk_cleared_at, h.household_size,
       h.wage_income_fen, h.business_income_fen, h.business_cost_fen, h.property_income_fen, h.transfer_income_fen,
       h.net_income_fen, h.per_capita_net_income_fen, h.prev_per_capita_net_income_fen, h.rigid_expense_fen,
       h.relocated, h.resettle_mode, h.housing_safety, h.water_safe, h.safety_net, h.phone, h.bank_name, h.bank_account,
       h.record_key,
       CASE WHEN h.prev_per_capita_net_income_fen IS NULL THEN NULL
            ELSE h.per_capita_net_income_fen - h.prev_per_capita_net_income_fen END AS income_change_fen,
       CASE WHEN h.prev_per_capita_net_income_fen > 0
            THEN (h.per_capita_net_income_fen - h.prev_per_capita_net_income_fen) * 100 / h.prev_per_capita_net_income_fen END AS income_change_pct,
       CASE WHEN h.net_income_fen > 0 THEN h.transfer_income_fen * 100 / h.net_income_fen END AS transfer_share_pct,
       (SELECT COUNT(*) FROM member AS m WHERE m.household_id = h.household_id
          AND m.labor_capacity IN ('普通劳动力', '技能劳动力', '弱劳动力或半劳动力')) AS labour_members,
       (SELECT COUNT(*) FROM member AS m WHERE m.household_id = h.household_id AND m.work_status <> '未务工') AS working_members,
       (SELECT y.business_income_fen - y.business_cost_fen FROM household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM household_income_year AS z WHERE z.household_id = h.household_id)) AS prev_business_net_fen,
       CASE WHEN (SELECT y.business_income_fen - y.business_cost_fen FROM household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM household_income_year AS z WHERE z.household_id = h.household_id)) > 0
            THEN ((h.business_income_fen - h.business_cost_fen) - (SELECT y.business_income_fen - y.business_cost_fen FROM household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM household_income_year AS z WHERE z.household_id = h.household_id))) * 100 / (SELECT y.business_income_fen - y.business_cost_fen FROM household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM household_income_year AS z WHERE z.household_id = h.household_id)) END AS business_net_change_pct,
       CASE WHEN (h.business_income_fen - h.business_cost_fen) * 5 < (SELECT y.business_income_fen - y.business_cost_fen FROM household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM household_income_year AS z WHERE z.household_id = h.household_id)) * 4 THEN 1 ELSE 0 END AS business_fell_20,
       h.updated_at
FROM household AS h;

-- api_household_incomes: as in 0007, plus updated_at.
DROP VIEW api_household_incomes;
CREATE VIEW api_household_incomes AS
SELECT income_id, household_id, county_code, township_code, village_code, income_year, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen AS net_income_fen,
       (wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) / household_size AS per_capita_net_income_fen,
       updated_at
FROM household_income_year;

-- api_members: as in 0006, plus updated_at.
DROP VIEW api_members;
CREATE VIEW api_members AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need, record_key,
       updated_at
FROM member;

-- api_projects: as in 0002, plus updated_at.
DROP VIEW api_projects;
CREATE VIEW api_projects AS
SELECT project_code, name, type, subtype, site_code, county_code, township_code, year, nature, lib_status,
       total_invest_fen, implementer, plan_start, plan_end, accepted_at, benef_households, benef_persons,
       link_modes, labor_pay_fen, asset_class, asset_owner, progress_pct,
       updated_at
FROM project;

-- api_fund_allocations: as in 0002, plus updated_at.
DROP VIEW api_fund_allocations;
CREATE VIEW api_fund_allocations AS
SELECT alloc_id, project_code, county_code, township_code, doc_no, source_level, source_type, amount_fen,
       alloc_date, year,
       updated_at
FROM fund_allocation;

-- api_fund_disbursements: as in 0002, plus updated_at.
DROP VIEW api_fund_disbursements;
CREATE VIEW api_fund_disbursements AS
SELECT disb_id, alloc_id, project_code, county_code, township_code, stage, amount_fen, paid_at, payee_type,
       payee_name, payee_account,
       updated_at
FROM fund_disbursement;

-- api_workshops: as in 0007, plus updated_at.
DROP VIEW api_workshops;
CREATE VIEW api_workshops AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor, workers_monitored,
       updated_at
FROM workshop;

-- api_welfare_posts: as in 0006, plus updated_at.
DROP VIEW api_welfare_posts;
CREATE VIEW api_welfare_posts AS
SELECT p.post_id, p.post_type, p.county_code, p.township_code, p.village_code, p.fund_source, p.holder_member_id,
       p.term_start, p.term_end, p.monthly_subsidy_fen, p.full_time, p.subsidy_due_fen, p.subsidy_paid_fen,
       m.birth_date AS subject_birth_date, p.record_key,
       p.updated_at
FROM welfare_post AS p
LEFT JOIN member AS m ON m.member_id = p.holder_member_id;

-- api_jobs: as in 0006, plus updated_at.
DROP VIEW api_jobs;
CREATE VIEW api_jobs AS
SELECT e.emp_id, e.member_id, e.household_id, e.county_code, e.township_code, e.village_code, e.emp_form, e.work_region,
       e.employer, e.start_month, e.end_month, e.monthly_wage_fen, e.workshop_id, e.post_id,
       m.birth_date AS subject_birth_date, e.record_key,
       e.updated_at
FROM employment AS e
LEFT JOIN member AS m ON m.member_id = e.member_id;

-- api_assistance: as in 0006, plus updated_at.
DROP VIEW api_assistance;
CREATE VIEW api_assistance AS
SELECT a.assist_id, a.household_id, a.member_id, a.county_code, a.township_code, a.village_code, a.category, a.item,
       a.start_date, a.end_date, a.amount_fen, a.period, a.channel, a.ref_id, a.cadre_name, a.cadre_phone,
       m.birth_date AS subject_birth_date, a.record_key,
       a.updated_at
FROM assistance AS a
LEFT JOIN member AS m ON m.member_id = a.member_id;

-- api_cases: as in 0005, plus updated_at.
DROP VIEW api_cases;
CREATE VIEW api_cases AS
SELECT case_id, household_id, county_code, township_code, village_code, source, reported_at, case_status, identified_at,
       days_to_identify, main_risk,
       updated_at
FROM monitoring_case;

-- api_visits: as in 0005, plus updated_at.
DROP VIEW api_visits;
CREATE VIEW api_visits AS
SELECT visit_id, household_id, county_code, township_code, village_code, visited_at, visitor, purpose,
       updated_at
FROM household_visit;

-- api_standards: as in 0007, plus updated_at.
DROP VIEW api_standards;
CREATE VIEW api_standards AS
SELECT standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to,
       updated_at
FROM standard;
