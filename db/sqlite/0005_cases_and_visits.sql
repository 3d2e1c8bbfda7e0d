-- Monitoring cases (防返贫监测 workflow: 发现/申报 → 核实 → 审核 → 认定, or 不予纳入) and household visits (走访).
-- They answer the pipeline and visit questions of the dashboards (data dictionary section 4: county 4, township 2,
-- village 1), which the household row alone cannot: when a case was reported, where it stands, how long
-- identification took, when a household was last visited.
CREATE TABLE monitoring_case (
    case_id               TEXT    NOT NULL PRIMARY KEY,
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    source                TEXT    NOT NULL,
    reported_at           TEXT    NOT NULL,
    case_status           TEXT    NOT NULL CHECK (case_status IN ('待核实', '待审核', '已认定', '不予纳入')),
    identified_at         TEXT    NULL,
    days_to_identify      INTEGER NULL,
    main_risk             TEXT    NULL
);
CREATE INDEX ix_case_household ON monitoring_case (household_id, case_id);
CREATE INDEX ix_case_village ON monitoring_case (village_code, case_id);
CREATE INDEX ix_case_township ON monitoring_case (township_code, case_id);
CREATE INDEX ix_case_status ON monitoring_case (case_status, reported_at);

CREATE TABLE household_visit (
    visit_id              TEXT    NOT NULL PRIMARY KEY,
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    visited_at            TEXT    NOT NULL,
    visitor               TEXT    NOT NULL,
    purpose               TEXT    NOT NULL
);
CREATE INDEX ix_visit_household ON household_visit (household_id, visited_at);
CREATE INDEX ix_visit_village ON household_visit (village_code, visit_id);
CREATE INDEX ix_visit_township ON household_visit (township_code, visit_id);

CREATE VIEW api_cases AS
SELECT case_id, household_id, county_code, township_code, village_code, source, reported_at, case_status, identified_at,
       days_to_identify, main_risk
FROM monitoring_case;

CREATE VIEW api_visits AS
SELECT visit_id, household_id, county_code, township_code, village_code, visited_at, visitor, purpose
FROM household_visit;
