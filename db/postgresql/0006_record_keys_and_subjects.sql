-- Statistical disclosure control: the twin of db/sqlserver/0006_record_keys_and_subjects.sql.
-- 1. Record keys: a fixed random key per row (cell-key perturbation of protected aggregates, docs/security.md).
--    The default draws a new value per row, for the rows present now and for every row inserted later.
-- 2. Records about a member carry the member's birth date for the minors rule (never exposed).

ALTER TABLE wh.household ADD COLUMN record_key bigint NOT NULL
    DEFAULT (floor(random() * 2147483647)::bigint + 1);

ALTER TABLE wh.member ADD COLUMN record_key bigint NOT NULL
    DEFAULT (floor(random() * 2147483647)::bigint + 1);

ALTER TABLE wh.welfare_post ADD COLUMN record_key bigint NOT NULL
    DEFAULT (floor(random() * 2147483647)::bigint + 1);

ALTER TABLE wh.employment ADD COLUMN record_key bigint NOT NULL
    DEFAULT (floor(random() * 2147483647)::bigint + 1);

ALTER TABLE wh.assistance ADD COLUMN record_key bigint NOT NULL
    DEFAULT (floor(random() * 2147483647)::bigint + 1);

DROP VIEW api.households;

CREATE VIEW api.households
AS
SELECT household_id, county_code, township_code, village_code, address, geo_point, household_attr,
       exit_year, monitor_type, risk_types, monitored_at, risk_cleared_at, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       net_income_fen, per_capita_net_income_fen, prev_per_capita_net_income_fen, rigid_expense_fen,
       relocated, resettle_mode, housing_safety, water_safe, safety_net, phone, bank_name, bank_account,
       record_key
FROM wh.household;

DROP VIEW api.members;

CREATE VIEW api.members
AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need, record_key
FROM wh.member;

DROP VIEW api.welfare_posts;

CREATE VIEW api.welfare_posts
AS
SELECT p.post_id, p.post_type, p.county_code, p.township_code, p.village_code, p.fund_source, p.holder_member_id,
       p.term_start, p.term_end, p.monthly_subsidy_fen, p.full_time, p.subsidy_due_fen, p.subsidy_paid_fen,
       m.birth_date AS subject_birth_date, p.record_key
FROM wh.welfare_post AS p
LEFT JOIN wh.member AS m ON m.member_id = p.holder_member_id;

DROP VIEW api.jobs;

CREATE VIEW api.jobs
AS
SELECT e.emp_id, e.member_id, e.household_id, e.county_code, e.township_code, e.village_code, e.emp_form, e.work_region,
       e.employer, e.start_month, e.end_month, e.monthly_wage_fen, e.workshop_id, e.post_id,
       m.birth_date AS subject_birth_date, e.record_key
FROM wh.employment AS e
LEFT JOIN wh.member AS m ON m.member_id = e.member_id;

DROP VIEW api.assistance;

CREATE VIEW api.assistance
AS
SELECT a.assist_id, a.household_id, a.member_id, a.county_code, a.township_code, a.village_code, a.category, a.item,
       a.start_date, a.end_date, a.amount_fen, a.period, a.channel, a.ref_id, a.cadre_name, a.cadre_phone,
       m.birth_date AS subject_birth_date, a.record_key
FROM wh.assistance AS a
LEFT JOIN wh.member AS m ON m.member_id = a.member_id;
