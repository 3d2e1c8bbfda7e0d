-- Indicator fields whose meaning is fixed (docs/indicators.md).
-- 1. Workshops: workers_poor counts members of 脱贫户 only; members of monitored households are counted apart in
--    workers_monitored (a monitored 脱贫户 member counts in both), so that the 脱贫 share is what its label says.
-- 2. Households: conditions a dashboard asks about, derived once here in SQL (per dialect) instead of in C#, so
--    they filter, sort and group like stored fields. Percentages are whole percent, truncated toward zero; the
--    business-income change compares with the year before the latest of the household's income history (3.).
ALTER TABLE workshop ADD COLUMN workers_monitored INTEGER NOT NULL DEFAULT 0;

DROP VIEW api_workshops;
CREATE VIEW api_workshops AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor, workers_monitored
FROM workshop;

-- 3. Yearly income history: each household's income components per year (at least three years), so that a change
--    between years is a recorded fact. Net and per-capita income are derived in the view as for households.
CREATE TABLE household_income_year (
    income_id             TEXT    NOT NULL PRIMARY KEY,
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    income_year           INTEGER NOT NULL,
    household_size        INTEGER NOT NULL,
    wage_income_fen       INTEGER NOT NULL,
    business_income_fen   INTEGER NOT NULL,
    business_cost_fen     INTEGER NOT NULL,
    property_income_fen   INTEGER NOT NULL,
    transfer_income_fen   INTEGER NOT NULL
);
CREATE INDEX ix_income_year_household ON household_income_year (household_id, income_year);
CREATE INDEX ix_income_year_village ON household_income_year (village_code, income_id);
CREATE INDEX ix_income_year_township ON household_income_year (township_code, income_id);

CREATE VIEW api_household_incomes AS
SELECT income_id, household_id, county_code, township_code, village_code, income_year, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen AS net_income_fen,
       (wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) / household_size AS per_capita_net_income_fen
FROM household_income_year;

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
       CASE WHEN (h.business_income_fen - h.business_cost_fen) * 5 < (SELECT y.business_income_fen - y.business_cost_fen FROM household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM household_income_year AS z WHERE z.household_id = h.household_id)) * 4 THEN 1 ELSE 0 END AS business_fell_20
FROM household AS h;

-- 4. Standards as data (低保, 特困, award caps, income lines): what paid amounts are compared with, per region and
--    period of validity. Published: every role reads them.
CREATE TABLE standard (
    standard_id           TEXT    NOT NULL PRIMARY KEY,
    county_code           TEXT    NOT NULL,
    region_code           TEXT    NOT NULL,
    standard_kind         TEXT    NOT NULL,
    unit                  TEXT    NOT NULL,
    amount_fen            INTEGER NOT NULL,
    valid_from            TEXT    NOT NULL,
    valid_to              TEXT
);
CREATE INDEX ix_standard_county ON standard (county_code, standard_id);

CREATE VIEW api_standards AS
SELECT standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to
FROM standard;
