-- Indicator fields whose meaning is fixed: the twin of db/sqlite/0008_indicator_fields.sql (docs/indicators.md).
-- 1. Workshops: workers_poor counts members of 脱贫户 only; workers_monitored counts members of monitored households.
-- 2. Households: derived conditions (income change, transfer share, labour and working members), one definition in
--    SQL per dialect. Integer division truncates toward zero in both dialects, so the percentages agree.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

ALTER TABLE wh.workshop ADD workers_monitored int NOT NULL
    CONSTRAINT df_workshop_workers_monitored DEFAULT 0;
GO

DROP VIEW api.workshops;
GO

CREATE VIEW api.workshops
WITH SCHEMABINDING
AS
SELECT workshop_id, name, operator_uscc, form, run_status, county_code, township_code, village_code,
       gov_invested, workers_total, workers_poor, workers_monitored
FROM wh.workshop;
GO

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
       (SELECT COUNT(*) FROM wh.member AS m WHERE m.household_id = h.household_id AND m.work_status <> N'未务工') AS working_members
FROM wh.household AS h;
GO

-- 3. Standards as data (低保, 特困, award caps, income lines), published to every role.
CREATE TABLE wh.standard (
    standard_id           varchar(32)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    county_code           varchar(12)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    region_code           varchar(12)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    standard_kind         nvarchar(20)  NOT NULL,
    unit                  nvarchar(20)  NOT NULL,
    amount_fen            bigint        NOT NULL,
    valid_from            date          NOT NULL,
    valid_to              date          NULL,
    CONSTRAINT pk_standard PRIMARY KEY (standard_id)
);
CREATE INDEX ix_standard_county ON wh.standard (county_code, standard_id);
GO

CREATE VIEW api.standards
WITH SCHEMABINDING
AS
SELECT standard_id, county_code, region_code, standard_kind, unit, amount_fen, valid_from, valid_to
FROM wh.standard;
GO
