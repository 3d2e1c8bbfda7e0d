-- Base tables of the warehouse (PostgreSQL). The twin of db/sqlserver/0001_base_tables.sql, in the same
-- schemas (wh base tables, api views, sec security tables) and with the same tables, column names, keys,
-- CHECK constraints and index names as db/sqlite; tests/Warehouse.Tests/Database keeps the three from
-- drifting. Run once by DbUp, one transaction per script (PostgreSQL's DDL is transactional).
--
-- Type conventions (why, not what):
-- * Region codes and surrogate ids are ASCII: varchar with COLLATE "C" so that equality, ORDER BY (keyset
--   paging) compare byte-wise exactly as SQLite's BINARY collation does whatever the database's default
--   collation, and so that LIKE '130321%' prefixes can use a plain btree index (only "C" allows that).
-- * Money is bigint fen (1/100 元), the twin of SQLite INTEGER fen: exact sums, native range filters.
-- * Chinese text is varchar in the database's default collation (as nvarchar on SQL Server); nvarchar(max) is text.
-- * SQLite 0/1 INTEGER flags (SQL Server bit) are boolean; dates are date; times are timestamptz(3) in UTC.
-- * Derived columns are GENERATED ALWAYS AS … STORED (SQL Server: PERSISTED computed columns).

CREATE SCHEMA wh;

CREATE TABLE wh.region (
    code                 varchar(12)   COLLATE "C" NOT NULL,
    name                 varchar(100) NOT NULL,
    level                varchar(8)    COLLATE "C" NOT NULL,
    parent_code          varchar(12)   COLLATE "C" NULL,
    county_code          varchar(12)   COLLATE "C" NOT NULL,
    township_code        varchar(12)   COLLATE "C" NULL,
    urban_rural_type     varchar(3)    COLLATE "C" NULL,
    is_exited_village    boolean NOT NULL DEFAULT false,
    is_resettlement_site boolean NOT NULL DEFAULT false,
    CONSTRAINT pk_region PRIMARY KEY (code),
    CONSTRAINT ck_region_level CHECK (level IN ('COUNTY', 'TOWNSHIP', 'VILLAGE'))
);
CREATE INDEX ix_region_parent ON wh.region (parent_code, code);
CREATE INDEX ix_region_level ON wh.region (level, code);

CREATE TABLE wh.household (
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    address               varchar(200) NULL,
    geo_point             varchar(64)   NULL,
    household_attr        varchar(20)  NOT NULL,
    exit_year             int           NULL,
    monitor_type          varchar(20)  NULL,
    risk_types            varchar(200) NULL,
    monitored_at          date          NULL,
    risk_cleared_at       date          NULL,
    household_size        int           NOT NULL,
    wage_income_fen       bigint        NOT NULL,
    business_income_fen   bigint        NOT NULL,
    business_cost_fen     bigint        NOT NULL,
    property_income_fen   bigint        NOT NULL,
    transfer_income_fen   bigint        NOT NULL,
    -- Derived, persisted so that filters and keyset paging on them use an index. bigint / int is integer
    -- division truncating toward zero, as in SQLite. NULLIF mirrors SQLite's x / 0 = NULL, so a zero
    -- household_size fails ck_household_size (as in SQLite) rather than raising a divide-by-zero error.
    net_income_fen        bigint GENERATED ALWAYS AS (wage_income_fen + business_income_fen - business_cost_fen
                              + property_income_fen + transfer_income_fen) STORED,
    per_capita_net_income_fen bigint GENERATED ALWAYS AS ((wage_income_fen + business_income_fen - business_cost_fen
                              + property_income_fen + transfer_income_fen) / NULLIF(household_size, 0)) STORED,
    prev_per_capita_net_income_fen bigint NULL,
    rigid_expense_fen     bigint        NOT NULL DEFAULT 0,
    relocated             boolean NOT NULL DEFAULT false,
    resettle_mode         varchar(20)  NULL,
    housing_safety        varchar(20)  NULL,
    water_safe            boolean NOT NULL DEFAULT true,
    safety_net            varchar(20)  NOT NULL DEFAULT '无',
    phone                 varchar(20)   NULL,
    bank_name             varchar(100) NULL,
    bank_account          varchar(32)   NULL,
    CONSTRAINT pk_household PRIMARY KEY (household_id),
    CONSTRAINT ck_household_size CHECK (household_size > 0)
);
CREATE INDEX ix_household_village ON wh.household (village_code, household_id);
CREATE INDEX ix_household_township ON wh.household (township_code, household_id);
CREATE INDEX ix_household_monitor ON wh.household (monitor_type, household_id);
CREATE INDEX ix_household_income ON wh.household (per_capita_net_income_fen, household_id);
CREATE INDEX ix_household_exit_year ON wh.household (exit_year);

CREATE TABLE wh.member (
    member_id             varchar(32)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    name                  varchar(100) NOT NULL,
    id_number             varchar(18)   COLLATE "C" NOT NULL,
    relation              varchar(20)  NOT NULL,
    gender                varchar(20)  NOT NULL,
    birth_date            date          NOT NULL,
    ethnicity             varchar(20)  NOT NULL,
    education             varchar(20)  NULL,
    school_status         varchar(20)  NULL,
    health_status         varchar(20)  NOT NULL,
    disease_name          varchar(100) NULL,
    disability_type_grade varchar(20)  NULL,
    disability_cert_no    varchar(20)   COLLATE "C" NULL,
    labor_capacity        varchar(20)  NOT NULL,
    work_status           varchar(20)  NOT NULL,
    work_months           int           NOT NULL DEFAULT 0,
    med_ins               boolean NOT NULL DEFAULT true,
    pension_ins           boolean NOT NULL DEFAULT true,
    training_need         varchar(200) NULL,
    CONSTRAINT pk_member PRIMARY KEY (member_id),
    CONSTRAINT fk_member_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id)
);
CREATE INDEX ix_member_household ON wh.member (household_id, member_id);
CREATE INDEX ix_member_village ON wh.member (village_code, member_id);
CREATE INDEX ix_member_township ON wh.member (township_code, member_id);

CREATE TABLE wh.project (
    project_code          varchar(32)   COLLATE "C" NOT NULL,
    name                  varchar(200) NOT NULL,
    type                  varchar(20)  NOT NULL,
    subtype               varchar(20)  NULL,
    site_code             varchar(12)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    year                  int           NOT NULL,
    nature                varchar(20)  NOT NULL,
    lib_status            varchar(20)  NOT NULL,
    total_invest_fen      bigint        NOT NULL,
    implementer           varchar(100) NOT NULL,
    plan_start            date          NULL,
    plan_end              date          NULL,
    accepted_at           date          NULL,
    benef_households      int           NOT NULL DEFAULT 0,
    benef_persons         int           NOT NULL DEFAULT 0,
    link_modes            varchar(200) NULL,
    labor_pay_fen         bigint        NOT NULL DEFAULT 0,
    asset_class           varchar(20)  NULL,
    asset_owner           varchar(100) NULL,
    progress_pct          int           NOT NULL DEFAULT 0,
    CONSTRAINT pk_project PRIMARY KEY (project_code)
);
CREATE INDEX ix_project_site ON wh.project (site_code, project_code);
CREATE INDEX ix_project_township ON wh.project (township_code, project_code);
CREATE INDEX ix_project_year ON wh.project (year, project_code);
CREATE INDEX ix_project_type ON wh.project (type, lib_status);

CREATE TABLE wh.project_beneficiary (
    project_code          varchar(32)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    CONSTRAINT pk_project_beneficiary PRIMARY KEY (project_code, household_id),
    CONSTRAINT fk_project_beneficiary_project FOREIGN KEY (project_code) REFERENCES wh.project (project_code),
    CONSTRAINT fk_project_beneficiary_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id)
);
CREATE INDEX ix_beneficiary_household ON wh.project_beneficiary (household_id, project_code);

CREATE TABLE wh.fund_allocation (
    alloc_id              varchar(32)   COLLATE "C" NOT NULL,
    project_code          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    doc_no                varchar(100) NOT NULL,
    source_level          varchar(20)  NOT NULL,
    source_type           varchar(20)  NOT NULL,
    amount_fen            bigint        NOT NULL,
    alloc_date            date          NOT NULL,
    year                  int           NOT NULL,
    CONSTRAINT pk_fund_allocation PRIMARY KEY (alloc_id),
    CONSTRAINT fk_fund_allocation_project FOREIGN KEY (project_code) REFERENCES wh.project (project_code)
);
CREATE INDEX ix_alloc_project ON wh.fund_allocation (project_code, alloc_id);
CREATE INDEX ix_alloc_source ON wh.fund_allocation (source_level, source_type);
CREATE INDEX ix_alloc_year ON wh.fund_allocation (year, alloc_id);

CREATE TABLE wh.fund_disbursement (
    disb_id               varchar(32)   COLLATE "C" NOT NULL,
    alloc_id              varchar(32)   COLLATE "C" NOT NULL,
    project_code          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    stage                 varchar(20)  NOT NULL,
    amount_fen            bigint        NOT NULL,
    paid_at               date          NOT NULL,
    payee_type            varchar(20)  NOT NULL,
    payee_name            varchar(200) NOT NULL,
    payee_account         varchar(32)   NULL,
    CONSTRAINT pk_fund_disbursement PRIMARY KEY (disb_id),
    CONSTRAINT fk_fund_disbursement_allocation FOREIGN KEY (alloc_id) REFERENCES wh.fund_allocation (alloc_id),
    CONSTRAINT fk_fund_disbursement_project FOREIGN KEY (project_code) REFERENCES wh.project (project_code)
);
CREATE INDEX ix_disb_alloc ON wh.fund_disbursement (alloc_id, disb_id);
CREATE INDEX ix_disb_project ON wh.fund_disbursement (project_code, disb_id);
CREATE INDEX ix_disb_paid ON wh.fund_disbursement (paid_at);

CREATE TABLE wh.workshop (
    workshop_id           varchar(32)   COLLATE "C" NOT NULL,
    name                  varchar(100) NOT NULL,
    operator_uscc         varchar(18)   COLLATE "C" NOT NULL,
    form                  varchar(20)  NOT NULL,
    run_status            varchar(20)  NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    gov_invested          boolean NOT NULL DEFAULT false,
    workers_total         int           NOT NULL,
    workers_poor          int           NOT NULL,
    CONSTRAINT pk_workshop PRIMARY KEY (workshop_id)
);
CREATE INDEX ix_workshop_township ON wh.workshop (township_code, workshop_id);

CREATE TABLE wh.welfare_post (
    post_id               varchar(32)   COLLATE "C" NOT NULL,
    post_type             varchar(20)  NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    fund_source           varchar(20)  NOT NULL,
    holder_member_id      varchar(32)   COLLATE "C" NULL,
    term_start            date          NOT NULL,
    term_end              date          NOT NULL,
    monthly_subsidy_fen   bigint        NOT NULL,
    full_time             boolean NOT NULL DEFAULT false,
    subsidy_due_fen       bigint        NOT NULL DEFAULT 0,
    subsidy_paid_fen      bigint        NOT NULL DEFAULT 0,
    CONSTRAINT pk_welfare_post PRIMARY KEY (post_id),
    CONSTRAINT fk_welfare_post_holder FOREIGN KEY (holder_member_id) REFERENCES wh.member (member_id)
);
CREATE INDEX ix_post_village ON wh.welfare_post (village_code, post_id);
CREATE INDEX ix_post_township ON wh.welfare_post (township_code, post_id);
CREATE INDEX ix_post_holder ON wh.welfare_post (holder_member_id);

CREATE TABLE wh.employment (
    emp_id                varchar(32)   COLLATE "C" NOT NULL,
    member_id             varchar(32)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    emp_form              varchar(20)  NOT NULL,
    work_region           varchar(100) NOT NULL,
    employer              varchar(100) NULL,
    -- A month is stored as its first day (date); SQLite rows must then hold 'YYYY-MM-01' too.
    start_month           date          NOT NULL,
    end_month             date          NULL,
    monthly_wage_fen      bigint        NOT NULL,
    workshop_id           varchar(32)   COLLATE "C" NULL,
    post_id               varchar(32)   COLLATE "C" NULL,
    CONSTRAINT pk_employment PRIMARY KEY (emp_id),
    CONSTRAINT fk_employment_member FOREIGN KEY (member_id) REFERENCES wh.member (member_id),
    CONSTRAINT fk_employment_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id),
    CONSTRAINT fk_employment_workshop FOREIGN KEY (workshop_id) REFERENCES wh.workshop (workshop_id),
    CONSTRAINT fk_employment_post FOREIGN KEY (post_id) REFERENCES wh.welfare_post (post_id)
);
CREATE INDEX ix_employment_member ON wh.employment (member_id, emp_id);
CREATE INDEX ix_employment_household ON wh.employment (household_id, emp_id);
CREATE INDEX ix_employment_village ON wh.employment (village_code, emp_id);
CREATE INDEX ix_employment_township ON wh.employment (township_code, emp_id);
CREATE INDEX ix_employment_workshop ON wh.employment (workshop_id);
CREATE INDEX ix_employment_form ON wh.employment (emp_form);

CREATE TABLE wh.assistance (
    assist_id             varchar(32)   COLLATE "C" NOT NULL,
    household_id          varchar(32)   COLLATE "C" NOT NULL,
    member_id             varchar(32)   COLLATE "C" NULL,
    county_code           varchar(12)   COLLATE "C" NOT NULL,
    township_code         varchar(12)   COLLATE "C" NOT NULL,
    village_code          varchar(12)   COLLATE "C" NOT NULL,
    category              varchar(20)  NOT NULL,
    item                  varchar(100) NOT NULL,
    start_date            date          NOT NULL,
    end_date              date          NULL,
    amount_fen            bigint        NOT NULL,
    period                varchar(20)  NOT NULL,
    channel               varchar(20)  NOT NULL,
    ref_id                varchar(32)   COLLATE "C" NULL,
    cadre_name            varchar(100) NULL,
    cadre_phone           varchar(20)   NULL,
    CONSTRAINT pk_assistance PRIMARY KEY (assist_id),
    CONSTRAINT fk_assistance_household FOREIGN KEY (household_id) REFERENCES wh.household (household_id),
    CONSTRAINT fk_assistance_member FOREIGN KEY (member_id) REFERENCES wh.member (member_id)
);
CREATE INDEX ix_assistance_household ON wh.assistance (household_id, assist_id);
CREATE INDEX ix_assistance_village ON wh.assistance (village_code, assist_id);
CREATE INDEX ix_assistance_township ON wh.assistance (township_code, assist_id);
CREATE INDEX ix_assistance_category ON wh.assistance (category, item);
