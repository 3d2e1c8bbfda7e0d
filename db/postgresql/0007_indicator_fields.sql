-- Indicator fields whose meaning is fixed: the twin of db/sqlserver/0007_indicator_fields.sql (docs/indicators.md).
-- 1. Workshops: workers_poor counts members of 脱贫户 only; workers_monitored counts members of monitored households.
-- 2. Households: derived conditions (income change, transfer share, labour and working members, business income
--    against the previous year of the income history), one definition in
--    SQL per dialect. Integer division truncates toward zero in every dialect, so the percentages agree.

ALTER TABLE wh.workshop ADD COLUMN workers_monitored int NOT NULL
    DEFAULT 0;

DROP VIEW api.workshops;

CREATE VIEW api.workshops
AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor, workers_monitored
FROM wh.workshop;

-- 3. Yearly income history (see the SQLite twin).
CREATE TABLE wh.household_income_year (
    income_id             varchar(40)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    income_year           int           NOT NULL,
    household_size        int           NOT NULL,
    wage_income_fen       bigint        NOT NULL,
    business_income_fen   bigint        NOT NULL,
    business_cost_fen     bigint        NOT NULL,
    property_income_fen   bigint        NOT NULL,
    transfer_income_fen   bigint        NOT NULL,
    CONSTRAINT pk_household_income_year PRIMARY KEY (income_id),
    CONSTRAINT fk_household_income_year_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id)
);
CREATE INDEX ix_income_year_household ON wh.household_income_year (household_id, income_year);
CREATE INDEX ix_income_year_village ON wh.household_income_year (village_code, income_id);
CREATE INDEX ix_income_year_township ON wh.household_income_year (township_code, income_id);

CREATE VIEW api.household_incomes
AS
SELECT income_id, household_id, county_code, township_code, village_code, income_year, household_size,
       wage_income_fen, business_income_fen, business_cost_fen, property_income_fen, transfer_income_fen,
       wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen AS net_income_fen,
       (wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) / household_size AS per_capita_net_income_fen
FROM wh.household_income_year;

DROP VIEW api.households;

CREATE VIEW api.households
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
       (CASE WHEN (h.business_income_fen - h.business_cost_fen) * 5 < (SELECT y.business_income_fen - y.business_cost_fen FROM wh.household_income_year AS y WHERE y.household_id = h.household_id AND y.income_year = (SELECT MAX(z.income_year) - 1 FROM wh.household_income_year AS z WHERE z.household_id = h.household_id)) * 4 THEN true ELSE false END) AS business_fell_20
FROM wh.household AS h;

-- 4. Standards as data (低保, 特困, award caps, income lines), published to every role.
CREATE TABLE wh.standard (
    standard_id           varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    region_code           varchar(12)   COLLATE "C" NOT NULL,
    standard_kind         varchar(20)  NOT NULL,
    unit                  varchar(20)  NOT NULL,
    amount_fen            bigint        NOT NULL,
    valid_from            date          NOT NULL,
    valid_to              date          NULL,
    CONSTRAINT pk_standard PRIMARY KEY (standard_id)
);
CREATE INDEX ix_standard_county ON wh.standard (county_code, standard_id);

CREATE VIEW api.standards
AS
SELECT standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to
FROM wh.standard;
