-- Base tables of the warehouse (SQLite, the embedded default).
-- Money is stored as INTEGER fen (1/100 元) so SUM, range filters and ORDER BY run natively in the
-- engine and give the same exact results as BIGINT fen on SQL Server (docs/data-model.md).
-- Region codes (county 6 digits padded, township, village) are denormalised onto every personal row so
-- that row scope is an indexed equality, not a join (docs/data-model.md, "Why denormalised codes").
-- WAL mode is set by the migration runner after the scripts: SQLite ignores it inside DbUp's transaction.

CREATE TABLE region (
    code                 TEXT    NOT NULL PRIMARY KEY,
    name                 TEXT    NOT NULL,
    level                TEXT    NOT NULL CHECK (level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code          TEXT    NULL,
    county_code          TEXT    NOT NULL,
    township_code        TEXT    NULL,
    urban_rural_type     TEXT    NULL,
    is_exited_village    INTEGER NOT NULL DEFAULT 0,
    is_resettlement_site INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_region_parent ON region (parent_code, code);
CREATE INDEX ix_region_level ON region (level, code);

CREATE TABLE household (
    household_id          TEXT    NOT NULL PRIMARY KEY,
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    address               TEXT    NULL,
    geo_point             TEXT    NULL,
    household_attr        TEXT    NOT NULL,
    exit_year             INTEGER NULL,
    monitor_type          TEXT    NULL,
    risk_types            TEXT    NULL,
    monitored_at          TEXT    NULL,
    risk_cleared_at       TEXT    NULL,
    household_size        INTEGER NOT NULL CHECK (household_size > 0),
    wage_income_fen       INTEGER NOT NULL,
    business_income_fen   INTEGER NOT NULL,
    business_cost_fen     INTEGER NOT NULL,
    property_income_fen   INTEGER NOT NULL,
    transfer_income_fen   INTEGER NOT NULL,
    -- Derived, stored so that filters and keyset paging on them use an index.
    net_income_fen        INTEGER GENERATED ALWAYS AS
        (wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) STORED,
    per_capita_net_income_fen INTEGER GENERATED ALWAYS AS
        ((wage_income_fen + business_income_fen - business_cost_fen + property_income_fen + transfer_income_fen) / household_size) STORED,
    prev_per_capita_net_income_fen INTEGER NULL,
    rigid_expense_fen     INTEGER NOT NULL DEFAULT 0,
    relocated             INTEGER NOT NULL DEFAULT 0,
    resettle_mode         TEXT    NULL,
    housing_safety        TEXT    NULL,
    water_safe            INTEGER NOT NULL DEFAULT 1,
    safety_net            TEXT    NOT NULL DEFAULT '无',
    phone                 TEXT    NULL,
    bank_name             TEXT    NULL,
    bank_account          TEXT    NULL
);
CREATE INDEX ix_household_village ON household (village_code, household_id);
CREATE INDEX ix_household_township ON household (township_code, household_id);
CREATE INDEX ix_household_monitor ON household (monitor_type, household_id);
CREATE INDEX ix_household_income ON household (per_capita_net_income_fen, household_id);
CREATE INDEX ix_household_exit_year ON household (exit_year);

CREATE TABLE member (
    member_id             TEXT    NOT NULL PRIMARY KEY,
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    name                  TEXT    NOT NULL,
    id_number             TEXT    NOT NULL,
    relation              TEXT    NOT NULL,
    gender                TEXT    NOT NULL,
    birth_date            TEXT    NOT NULL,
    ethnicity             TEXT    NOT NULL,
    education             TEXT    NULL,
    school_status         TEXT    NULL,
    health_status         TEXT    NOT NULL,
    disease_name          TEXT    NULL,
    disability_type_grade TEXT    NULL,
    disability_cert_no    TEXT    NULL,
    labor_capacity        TEXT    NOT NULL,
    work_status           TEXT    NOT NULL,
    work_months           INTEGER NOT NULL DEFAULT 0,
    med_ins               INTEGER NOT NULL DEFAULT 1,
    pension_ins           INTEGER NOT NULL DEFAULT 1,
    training_need         TEXT    NULL
);
CREATE INDEX ix_member_household ON member (household_id, member_id);
CREATE INDEX ix_member_village ON member (village_code, member_id);
CREATE INDEX ix_member_township ON member (township_code, member_id);

CREATE TABLE project (
    project_code          TEXT    NOT NULL PRIMARY KEY,
    name                  TEXT    NOT NULL,
    type                  TEXT    NOT NULL,
    subtype               TEXT    NULL,
    site_code             TEXT    NOT NULL,
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    year                  INTEGER NOT NULL,
    nature                TEXT    NOT NULL,
    lib_status            TEXT    NOT NULL,
    total_invest_fen      INTEGER NOT NULL,
    implementer           TEXT    NOT NULL,
    plan_start            TEXT    NULL,
    plan_end              TEXT    NULL,
    accepted_at           TEXT    NULL,
    benef_households      INTEGER NOT NULL DEFAULT 0,
    benef_persons         INTEGER NOT NULL DEFAULT 0,
    link_modes            TEXT    NULL,
    labor_pay_fen         INTEGER NOT NULL DEFAULT 0,
    asset_class           TEXT    NULL,
    asset_owner           TEXT    NULL,
    progress_pct          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_project_site ON project (site_code, project_code);
CREATE INDEX ix_project_township ON project (township_code, project_code);
CREATE INDEX ix_project_year ON project (year, project_code);
CREATE INDEX ix_project_type ON project (type, lib_status);

CREATE TABLE project_beneficiary (
    project_code          TEXT    NOT NULL REFERENCES project (project_code),
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    PRIMARY KEY (project_code, household_id)
);
CREATE INDEX ix_beneficiary_household ON project_beneficiary (household_id, project_code);

CREATE TABLE fund_allocation (
    alloc_id              TEXT    NOT NULL PRIMARY KEY,
    project_code          TEXT    NOT NULL REFERENCES project (project_code),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    doc_no                TEXT    NOT NULL,
    source_level          TEXT    NOT NULL,
    source_type           TEXT    NOT NULL,
    amount_fen            INTEGER NOT NULL,
    alloc_date            TEXT    NOT NULL,
    year                  INTEGER NOT NULL
);
CREATE INDEX ix_alloc_project ON fund_allocation (project_code, alloc_id);
CREATE INDEX ix_alloc_source ON fund_allocation (source_level, source_type);
CREATE INDEX ix_alloc_year ON fund_allocation (year, alloc_id);

CREATE TABLE fund_disbursement (
    disb_id               TEXT    NOT NULL PRIMARY KEY,
    alloc_id              TEXT    NOT NULL REFERENCES fund_allocation (alloc_id),
    project_code          TEXT    NOT NULL REFERENCES project (project_code),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    stage                 TEXT    NOT NULL,
    amount_fen            INTEGER NOT NULL,
    paid_at               TEXT    NOT NULL,
    payee_type            TEXT    NOT NULL,
    payee_name            TEXT    NOT NULL,
    payee_account         TEXT    NULL
);
CREATE INDEX ix_disb_alloc ON fund_disbursement (alloc_id, disb_id);
CREATE INDEX ix_disb_project ON fund_disbursement (project_code, disb_id);
CREATE INDEX ix_disb_paid ON fund_disbursement (paid_at);

CREATE TABLE workshop (
    workshop_id           TEXT    NOT NULL PRIMARY KEY,
    name                  TEXT    NOT NULL,
    operator_uscc         TEXT    NOT NULL,
    form                  TEXT    NOT NULL,
    run_status            TEXT    NOT NULL,
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    gov_invested          INTEGER NOT NULL DEFAULT 0,
    workers_total         INTEGER NOT NULL,
    workers_poor          INTEGER NOT NULL
);
CREATE INDEX ix_workshop_township ON workshop (township_code, workshop_id);

CREATE TABLE welfare_post (
    post_id               TEXT    NOT NULL PRIMARY KEY,
    post_type             TEXT    NOT NULL,
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    fund_source           TEXT    NOT NULL,
    holder_member_id      TEXT    NULL REFERENCES member (member_id),
    term_start            TEXT    NOT NULL,
    term_end              TEXT    NOT NULL,
    monthly_subsidy_fen   INTEGER NOT NULL,
    full_time             INTEGER NOT NULL DEFAULT 0,
    subsidy_due_fen       INTEGER NOT NULL DEFAULT 0,
    subsidy_paid_fen      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_post_village ON welfare_post (village_code, post_id);
CREATE INDEX ix_post_township ON welfare_post (township_code, post_id);
CREATE INDEX ix_post_holder ON welfare_post (holder_member_id);

CREATE TABLE employment (
    emp_id                TEXT    NOT NULL PRIMARY KEY,
    member_id             TEXT    NOT NULL REFERENCES member (member_id),
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    emp_form              TEXT    NOT NULL,
    work_region           TEXT    NOT NULL,
    employer              TEXT    NULL,
    start_month           TEXT    NOT NULL,
    end_month             TEXT    NULL,
    monthly_wage_fen      INTEGER NOT NULL,
    workshop_id           TEXT    NULL REFERENCES workshop (workshop_id),
    post_id               TEXT    NULL REFERENCES welfare_post (post_id)
);
CREATE INDEX ix_employment_member ON employment (member_id, emp_id);
CREATE INDEX ix_employment_household ON employment (household_id, emp_id);
CREATE INDEX ix_employment_village ON employment (village_code, emp_id);
CREATE INDEX ix_employment_township ON employment (township_code, emp_id);
CREATE INDEX ix_employment_workshop ON employment (workshop_id);
CREATE INDEX ix_employment_form ON employment (emp_form);

CREATE TABLE assistance (
    assist_id             TEXT    NOT NULL PRIMARY KEY,
    household_id          TEXT    NOT NULL REFERENCES household (household_id),
    member_id             TEXT    NULL REFERENCES member (member_id),
    county_code           TEXT    NOT NULL,
    township_code         TEXT    NOT NULL,
    village_code          TEXT    NOT NULL,
    category              TEXT    NOT NULL,
    item                  TEXT    NOT NULL,
    start_date            TEXT    NOT NULL,
    end_date              TEXT    NULL,
    amount_fen            INTEGER NOT NULL,
    period                TEXT    NOT NULL,
    channel               TEXT    NOT NULL,
    ref_id                TEXT    NULL,
    cadre_name            TEXT    NULL,
    cadre_phone           TEXT    NULL
);
CREATE INDEX ix_assistance_household ON assistance (household_id, assist_id);
CREATE INDEX ix_assistance_village ON assistance (village_code, assist_id);
CREATE INDEX ix_assistance_township ON assistance (township_code, assist_id);
CREATE INDEX ix_assistance_category ON assistance (category, item);
