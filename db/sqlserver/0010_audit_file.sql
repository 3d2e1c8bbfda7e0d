-- The twin of db/sqlite/0010_audit_file.sql, which moves SQLite's audit trail into a database file of its own so
-- that an audit commit does not empty the readers' page caches of the data file (docs/performance.md). SQL Server's
-- buffer pool is invalidated per page, not per file, and sec.audit_record stays where it is. Nothing changes; the
-- statement below (the session setting the scripts here start with; the binding tests read it) only keeps the
-- numbering paired across dialects.
SET ANSI_NULLS ON;
