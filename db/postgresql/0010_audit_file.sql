-- The twin of db/sqlite/0010_audit_file.sql, which moves SQLite's audit trail into a database file of its own so
-- that an audit commit does not empty the readers' page caches of the data file (docs/performance.md). PostgreSQL
-- has no such cache effect (shared buffers are invalidated per page, not per file), and sec.audit_record stays
-- where it is. Nothing changes; the statement below only keeps the script numbering paired across dialects.
SELECT 1;
