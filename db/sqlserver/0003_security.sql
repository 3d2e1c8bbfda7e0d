-- Security tables (twin of db/sqlite/0003_security.sql) in schema sec: the permission matrix, user
-- assignments, the matrix version and the append-only audit trail. Default permissions come from the
-- catalogue through the migration runner (Warehouse.Migrations.DefaultPermissions).
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE SCHEMA sec AUTHORIZATION dbo;
GO

CREATE TABLE sec.field_permission (
    role            varchar(16)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    type_name       varchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    field_name      varchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    access          varchar(8)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    revealable      bit           NOT NULL CONSTRAINT df_field_permission_revealable DEFAULT 0,
    aggregate_only  bit           NOT NULL CONSTRAINT df_field_permission_aggregate_only DEFAULT 0,
    version         int           NOT NULL CONSTRAINT df_field_permission_version DEFAULT 1,
    updated_at      datetime2(3)  NOT NULL,
    updated_by      nvarchar(100) NOT NULL,
    CONSTRAINT pk_field_permission PRIMARY KEY (role, type_name, field_name),
    CONSTRAINT ck_field_permission_access CHECK (access IN ('FULL', 'MASKED', 'HIDDEN'))
);

CREATE TABLE sec.user_assignment (
    user_id         varchar(128)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    role            varchar(16)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    region_code     varchar(12)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    status          varchar(8)    COLLATE Latin1_General_100_BIN2 NOT NULL,
    version         int           NOT NULL CONSTRAINT df_user_assignment_version DEFAULT 1,
    updated_at      datetime2(3)  NOT NULL,
    updated_by      nvarchar(100) NOT NULL,
    CONSTRAINT pk_user_assignment PRIMARY KEY (user_id, role),
    CONSTRAINT ck_user_assignment_role CHECK (role IN ('county', 'township', 'village', 'admin')),
    CONSTRAINT ck_user_assignment_status CHECK (status IN ('active', 'revoked'))
);

CREATE TABLE sec.matrix_version (
    id              int           NOT NULL,
    version         bigint        NOT NULL,
    CONSTRAINT pk_matrix_version PRIMARY KEY (id),
    CONSTRAINT ck_matrix_version_single_row CHECK (id = 1)
);
INSERT INTO sec.matrix_version (id, version) VALUES (1, 1);

CREATE TABLE sec.audit_record (
    id              bigint        IDENTITY(1, 1) NOT NULL,
    at              datetime2(3)  NOT NULL,
    user_id         varchar(128)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    role            varchar(16)   COLLATE Latin1_General_100_BIN2 NULL,
    kind            varchar(32)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    type_name       varchar(64)   COLLATE Latin1_General_100_BIN2 NULL,
    field_name      varchar(64)   COLLATE Latin1_General_100_BIN2 NULL,
    record_id       varchar(64)   COLLATE Latin1_General_100_BIN2 NULL,
    reason          nvarchar(500) NULL,
    operation       nvarchar(200) NULL,
    document_hash   varchar(128)  NULL,
    row_count       int           NULL,
    detail          nvarchar(max) NULL,
    CONSTRAINT pk_audit_record PRIMARY KEY (id)
);
CREATE INDEX ix_audit_at ON sec.audit_record (at, id);
CREATE INDEX ix_audit_user ON sec.audit_record (user_id, id);
CREATE INDEX ix_audit_kind ON sec.audit_record (kind, id);
GO

-- Append-only: the audit trail cannot be changed or deleted through SQL either.
CREATE TRIGGER sec.tr_audit_no_update ON sec.audit_record INSTEAD OF UPDATE
AS
THROW 50001, 'audit records are append-only', 1;
GO

CREATE TRIGGER sec.tr_audit_no_delete ON sec.audit_record INSTEAD OF DELETE
AS
THROW 50001, 'audit records are append-only', 1;
GO
