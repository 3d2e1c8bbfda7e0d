-- Monitoring cases (防返贫监测 workflow: 发现/申报 → 核实 → 审核 → 认定, or 不予纳入) and household visits (走访):
-- the twin of db/sqlserver/0005_cases_and_visits.sql. They answer the pipeline and visit questions of the
-- dashboards (data dictionary section 4: county 4, township 2, village 1).

CREATE TABLE wh.monitoring_case (
    case_id               varchar(32)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    source                varchar(20)  NOT NULL,
    reported_at           date          NOT NULL,
    case_status           varchar(20)  NOT NULL,
    identified_at         date          NULL,
    days_to_identify      int           NULL,
    main_risk             varchar(20)  NULL,
    CONSTRAINT pk_monitoring_case PRIMARY KEY (case_id),
    CONSTRAINT fk_monitoring_case_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id),
    CONSTRAINT ck_monitoring_case_status CHECK (case_status IN ('待核实', '待审核', '已认定', '不予纳入'))
);
CREATE INDEX ix_case_household ON wh.monitoring_case (household_id, case_id);
CREATE INDEX ix_case_village ON wh.monitoring_case (village_code, case_id);
CREATE INDEX ix_case_township ON wh.monitoring_case (township_code, case_id);
CREATE INDEX ix_case_status ON wh.monitoring_case (case_status, reported_at);

CREATE TABLE wh.household_visit (
    visit_id              varchar(32)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    visited_at            date          NOT NULL,
    visitor               varchar(100) NOT NULL,
    purpose               varchar(20)  NOT NULL,
    CONSTRAINT pk_household_visit PRIMARY KEY (visit_id),
    CONSTRAINT fk_household_visit_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id)
);
CREATE INDEX ix_visit_household ON wh.household_visit (household_id, visited_at);
CREATE INDEX ix_visit_village ON wh.household_visit (village_code, visit_id);
CREATE INDEX ix_visit_township ON wh.household_visit (township_code, visit_id);

CREATE VIEW api.cases
AS
SELECT case_id, household_id, county_code, township_code, village_code, source, reported_at, case_status, identified_at,
       days_to_identify, main_risk
FROM wh.monitoring_case;

CREATE VIEW api.visits
AS
SELECT visit_id, household_id, county_code, township_code, village_code, visited_at, visitor, purpose
FROM wh.household_visit;
