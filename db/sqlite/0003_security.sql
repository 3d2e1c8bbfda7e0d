-- Security tables: the permission matrix, user assignments, the matrix version and the audit trail.
-- Default permissions are not listed here: they are derived from the catalogue and inserted by the
-- migration runner's catalogue step (Warehouse.Migrations.DefaultPermissionsScript), so the catalogue
-- stays the one place that states them.
CREATE TABLE sec_field_permission (
    role            TEXT    NOT NULL,
    type_name       TEXT    NOT NULL,
    field_name      TEXT    NOT NULL,
    access          TEXT    NOT NULL CHECK (access IN ('FULL', 'MASKED', 'HIDDEN')),
    revealable      INTEGER NOT NULL DEFAULT 0,
    aggregate_only  INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT    NOT NULL,
    updated_by      TEXT    NOT NULL,
    PRIMARY KEY (role, type_name, field_name)
);

CREATE TABLE sec_user_assignment (
    user_id         TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('county', 'township', 'village', 'admin')),
    region_code     TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('active', 'revoked')),
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT    NOT NULL,
    updated_by      TEXT    NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sec_matrix_version (
    id              INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version         INTEGER NOT NULL
);
INSERT INTO sec_matrix_version (id, version) VALUES (1, 1);

CREATE TABLE sec_audit_record (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    role            TEXT    NULL,
    kind            TEXT    NOT NULL,
    type_name       TEXT    NULL,
    field_name      TEXT    NULL,
    record_id       TEXT    NULL,
    reason          TEXT    NULL,
    operation       TEXT    NULL,
    document_hash   TEXT    NULL,
    row_count       INTEGER NULL,
    detail          TEXT    NULL
);
CREATE INDEX ix_audit_at ON sec_audit_record (at, id);
CREATE INDEX ix_audit_user ON sec_audit_record (user_id, id);
CREATE INDEX ix_audit_kind ON sec_audit_record (kind, id);

-- Append-only: the audit trail cannot be changed or deleted through SQL either.
CREATE TRIGGER tr_audit_no_update BEFORE UPDATE ON sec_audit_record
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER tr_audit_no_delete BEFORE DELETE ON sec_audit_record
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
