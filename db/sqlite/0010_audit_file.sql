-- The audit trail moves into a database file of its own (docs/performance.md, "The audit trail in its own file").
-- SQLite empties a connection's whole page cache of a file when a read finds that file's WAL changed; with
-- sec_audit_record in the data file, every audited request's commit made every pooled reader start cold. The
-- migration runner and every connection of the server attach the audit file as schema audit (default: <name>.audit.db
-- beside the data file, or Warehouse:AuditFile), and SQLite resolves the unqualified name sec_audit_record in main,
-- then in the attached files, so the code and the tests name it as before. Same columns, indexes and append-only
-- triggers as 0003; indexes and triggers are created in the audit schema, next to their table. The rows are copied
-- with their ids (the AUTOINCREMENT sequence of audit follows), then main's table is dropped (DROP TABLE fires no
-- DELETE trigger). The runner runs this script with the data file in rollback-journal mode, so the copy and the drop
-- commit together across both files even on a crash; it switches back to WAL afterwards.

CREATE TABLE audit.sec_audit_record (
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

INSERT INTO audit.sec_audit_record (id, at, user_id, role, kind, type_name, field_name, record_id, reason, operation,
    document_hash, row_count, detail)
SELECT id, at, user_id, role, kind, type_name, field_name, record_id, reason, operation, document_hash, row_count, detail
FROM main.sec_audit_record ORDER BY id;

DROP TABLE main.sec_audit_record;

CREATE INDEX audit.ix_audit_at ON sec_audit_record (at, id);
CREATE INDEX audit.ix_audit_user ON sec_audit_record (user_id, id);
CREATE INDEX audit.ix_audit_kind ON sec_audit_record (kind, id);

-- Append-only: the audit trail cannot be changed or deleted through SQL either.
CREATE TRIGGER audit.tr_audit_no_update BEFORE UPDATE ON sec_audit_record
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER audit.tr_audit_no_delete BEFORE DELETE ON sec_audit_record
BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
