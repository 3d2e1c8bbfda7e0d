-- Incremental refresh: the twin of db/sqlite/0009_updated_at.sql (docs/bi-feeds.md, "Incremental refresh").
-- updated_at is the UTC time a row was last written, datetime2(3) (milliseconds, as in SQLite). The default stamps the
-- rows present now and every row inserted without a value. There are no triggers here: a load that UPDATEs a row
-- must set updated_at = SYSUTCDATETIME() in the same statement (or MERGE), or incremental refreshes miss the change.
-- Deleted rows leave no trace here: a periodic full refresh removes them downstream (docs/bi-feeds.md).
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE wh.region ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_region_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.household ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_household_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.household_income_year ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_household_income_year_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.member ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_member_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.project ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_project_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.fund_allocation ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_fund_allocation_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.fund_disbursement ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_fund_disbursement_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.workshop ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_workshop_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.welfare_post ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_welfare_post_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.employment ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_employment_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.assistance ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_assistance_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.monitoring_case ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_monitoring_case_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.household_visit ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_household_visit_updated_at DEFAULT SYSUTCDATETIME();
GO

ALTER TABLE wh.standard ADD updated_at datetime2(3) NOT NULL
    CONSTRAINT df_standard_updated_at DEFAULT SYSUTCDATETIME();
GO

-- The views: each re-created from its latest definition with updated_at as the last column.
-- api.regions: as in 0002, plus updated_at.
DROP VIEW api.regions;
GO

CREATE VIEW api.regions
WITH SCHEMABINDING
AS
SELECT code, name, level, parent_code, county_code, township_code, urban_rural_type,
       is_exited_village, is_resettlement_site,
       updated_at
FROM wh.region;
GO

-- api.households: as in 0007, plus updated_at.
DROP VIEW api.households;
GO

CREATE VIEW api.households
WITH SCHEMABINDING
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
       (SELECT COUNT(*) FROM wh.member AS m WHERE m.household_id = h.household_id
          AND m.labor_capacity IN (N'普通劳动力', N'技能劳动力', N'弱劳动力或半劳动力')) AS labour_members,
       (SELECT COUNT(*) FROM wh.member AS m WHERE m.household_id = h.household_id AND m.work_status <> N'未务工') AS working_members,
       (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) AS prev_business_net_fen,
       CASE WHEN (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) > 0
            THEN CAST(((h.business_income_fen - h.business_cost_fen) - (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id))) * 100 / (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) AS int) END AS business_net_change_pct,
       CAST(CASE WHEN (h.business_income_fen - h.business_cost_fen) * 5 < (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) * 4 THEN 1 ELSE 0 END AS bit) AS business_fell_20,
       h.updated_at
FROM wh.household AS h;
GO

-- api.household_incomes: as in 0007, plus updated_at.
DROP VIEW api.household_incomes;
GO

CREATE VIEW api.household_incomes
WITH SCHEMABINDING
AS
SELECT income_id, household_id, county_code, township_code, village_code, income_year, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen AS net_income_fen,
       (wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) / household_size AS per_capita_net_income_fen,
       updated_at
FROM wh.household_income_year;
GO

-- api.members: as in 0006, plus updated_at.
DROP VIEW api.members;
GO

CREATE VIEW api.members
WITH SCHEMABINDING
AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need, record_key,
       updated_at
FROM wh.member;
GO

-- api.projects: as in 0002, plus updated_at.
DROP VIEW api.projects;
GO

CREATE VIEW api.projects
WITH SCHEMABINDING
AS
SELECT project_code, name, type, subtype, site_code, county_code, township_code, year, nature, lib_status,
       total_invest_fen, implementer, plan_start, plan_end, accepted_at, benef_households, benef_persons,
       link_modes, labor_pay_fen, asset_class, asset_owner, progress_pct,
       updated_at
FROM wh.project;
GO

-- api.fund_allocations: as in 0002, plus updated_at.
DROP VIEW api.fund_allocations;
GO

CREATE VIEW api.fund_allocations
WITH SCHEMABINDING
AS
SELECT alloc_id, project_code, county_code, township_code, doc_no, source_level, source_type, amount_fen,
       alloc_date, year,
       updated_at
FROM wh.fund_allocation;
GO

-- api.fund_disbursements: as in 0002, plus updated_at.
DROP VIEW api.fund_disbursements;
GO

CREATE VIEW api.fund_disbursements
WITH SCHEMABINDING
AS
SELECT disb_id, alloc_id, project_code, county_code, township_code, stage, amount_fen, paid_at, payee_type,
       payee_name, payee_account,
       updated_at
FROM wh.fund_disbursement;
GO

-- api.workshops: as in 0007, plus updated_at.
DROP VIEW api.workshops;
GO

CREATE VIEW api.workshops
WITH SCHEMABINDING
AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor, workers_monitored,
       updated_at
FROM wh.workshop;
GO

-- api.welfare_posts: as in 0006, plus updated_at.
DROP VIEW api.welfare_posts;
GO

CREATE VIEW api.welfare_posts
WITH SCHEMABINDING
AS
SELECT p.post_id, p.post_type, p.county_code, p.township_code, p.village_code, p.fund_source, p.holder_member_id,
       p.term_start, p.term_end, p.monthly_subsidy_fen, p.full_time, p.subsidy_due_fen, p.subsidy_paid_fen,
       m.birth_date AS subject_birth_date, p.record_key,
       p.updated_at
FROM wh.welfare_post AS p
LEFT JOIN wh.member AS m ON m.member_id = p.holder_member_id;
GO

-- api.jobs: as in 0006, plus updated_at.
DROP VIEW api.jobs;
GO

CREATE VIEW api.jobs
WITH SCHEMABINDING
AS
SELECT e.emp_id, e.member_id, e.household_id, e.county_code, e.township_code, e.village_code, e.emp_form, e.work_region,
       e.employer, e.start_month, e.end_month, e.monthly_wage_fen, e.workshop_id, e.post_id,
       m.birth_date AS subject_birth_date, e.record_key,
       e.updated_at
FROM wh.employment AS e
LEFT JOIN wh.member AS m ON m.member_id = e.member_id;
GO

-- api.assistance: as in 0006, plus updated_at.
DROP VIEW api.assistance;
GO

CREATE VIEW api.assistance
WITH SCHEMABINDING
AS
SELECT a.assist_id, a.household_id, a.member_id, a.county_code, a.township_code, a.village_code, a.category, a.item,
       a.start_date, a.end_date, a.amount_fen, a.period, a.channel, a.ref_id, a.cadre_name, a.cadre_phone,
       m.birth_date AS subject_birth_date, a.record_key,
       a.updated_at
FROM wh.assistance AS a
LEFT JOIN wh.member AS m ON m.member_id = a.member_id;
GO

-- api.cases: as in 0005, plus updated_at.
DROP VIEW api.cases;
GO

CREATE VIEW api.cases
WITH SCHEMABINDING
AS
SELECT case_id, household_id, county_code, township_code, village_code, source, reported_at, case_status, identified_at,
       days_to_identify, main_risk,
       updated_at
FROM wh.monitoring_case;
GO

-- api.visits: as in 0005, plus updated_at.
DROP VIEW api.visits;
GO

CREATE VIEW api.visits
WITH SCHEMABINDING
AS
SELECT visit_id, household_id, county_code, township_code, village_code, visited_at, visitor, purpose,
       updated_at
FROM wh.household_visit;
GO

-- api.standards: as in 0007, plus updated_at.
DROP VIEW api.standards;
GO

CREATE VIEW api.standards
WITH SCHEMABINDING
AS
SELECT standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to,
       updated_at
FROM wh.standard;
GO
