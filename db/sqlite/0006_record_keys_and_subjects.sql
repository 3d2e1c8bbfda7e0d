-- Statistical disclosure control (docs/security.md, "Aggregates: the privacy model").
-- 1. Every row that a protected aggregate can count carries a fixed random record key. A cell's noise is a
--    function of the sum of its records' keys (cell-key perturbation), so the same cell always gets the same
--    noise and two cells that differ by one person get unrelated noise. The key is never exposed.
--    SQLite cannot add a column with a random default, so existing rows get theirs here and rows inserted later
--    with the default 0 get one from the triggers (a loader may also write its own, any value 1..2^31-1).
-- 2. Records about a member (assistance, jobs, posts) carry the member's birth date, read only by the minors
--    rule: a record about a child under 14 follows the child's grants on every path.
ALTER TABLE household ADD COLUMN record_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN record_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE welfare_post ADD COLUMN record_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE employment ADD COLUMN record_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assistance ADD COLUMN record_key INTEGER NOT NULL DEFAULT 0;

UPDATE household SET record_key = abs(random() % 2147483647) + 1 WHERE record_key = 0;
UPDATE member SET record_key = abs(random() % 2147483647) + 1 WHERE record_key = 0;
UPDATE welfare_post SET record_key = abs(random() % 2147483647) + 1 WHERE record_key = 0;
UPDATE employment SET record_key = abs(random() % 2147483647) + 1 WHERE record_key = 0;
UPDATE assistance SET record_key = abs(random() % 2147483647) + 1 WHERE record_key = 0;

CREATE TRIGGER tr_household_record_key AFTER INSERT ON household WHEN NEW.record_key = 0
BEGIN UPDATE household SET record_key = abs(random() % 2147483647) + 1 WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_member_record_key AFTER INSERT ON member WHEN NEW.record_key = 0
BEGIN UPDATE member SET record_key = abs(random() % 2147483647) + 1 WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_welfare_post_record_key AFTER INSERT ON welfare_post WHEN NEW.record_key = 0
BEGIN UPDATE welfare_post SET record_key = abs(random() % 2147483647) + 1 WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_employment_record_key AFTER INSERT ON employment WHEN NEW.record_key = 0
BEGIN UPDATE employment SET record_key = abs(random() % 2147483647) + 1 WHERE rowid = NEW.rowid; END;
CREATE TRIGGER tr_assistance_record_key AFTER INSERT ON assistance WHEN NEW.record_key = 0
BEGIN UPDATE assistance SET record_key = abs(random() % 2147483647) + 1 WHERE rowid = NEW.rowid; END;

DROP VIEW api_households;
CREATE VIEW api_households AS
SELECT household_id, county_code, township_code, village_code, address, geo_point, household_attr,
       exit_year, monitor_type, risk_types, monitored_at, risk_cleared_at, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       net_income_fen, per_capita_net_income_fen, prev_per_capita_net_income_fen, rigid_expense_fen,
       relocated, resettle_mode, housing_safety, water_safe, safety_net, phone, bank_name, bank_account,
       record_key
FROM household;

DROP VIEW api_members;
CREATE VIEW api_members AS
SELECT member_id, household_id, county_code, township_code, village_code, name, id_number, relation,
       gender, birth_date, ethnicity, education, school_status, health_status, disease_name,
       disability_type_grade, disability_cert_no, labor_capacity, work_status, work_months, med_ins,
       pension_ins, training_need, record_key
FROM member;

DROP VIEW api_welfare_posts;
CREATE VIEW api_welfare_posts AS
SELECT p.post_id, p.post_type, p.county_code, p.township_code, p.village_code, p.fund_source, p.holder_member_id,
       p.term_start, p.term_end, p.monthly_subsidy_fen, p.full_time, p.subsidy_due_fen, p.subsidy_paid_fen,
       m.birth_date AS subject_birth_date, p.record_key
FROM welfare_post AS p
LEFT JOIN member AS m ON m.member_id = p.holder_member_id;

DROP VIEW api_jobs;
CREATE VIEW api_jobs AS
SELECT e.emp_id, e.member_id, e.household_id, e.county_code, e.township_code, e.village_code, e.emp_form, e.work_region,
       e.employer, e.start_month, e.end_month, e.monthly_wage_fen, e.workshop_id, e.post_id,
       m.birth_date AS subject_birth_date, e.record_key
FROM employment AS e
LEFT JOIN member AS m ON m.member_id = e.member_id;

DROP VIEW api_assistance;
CREATE VIEW api_assistance AS
SELECT a.assist_id, a.household_id, a.member_id, a.county_code, a.township_code, a.village_code, a.category, a.item,
       a.start_date, a.end_date, a.amount_fen, a.period, a.channel, a.ref_id, a.cadre_name, a.cadre_phone,
       m.birth_date AS subject_birth_date, a.record_key
FROM assistance AS a
LEFT JOIN member AS m ON m.member_id = a.member_id;
