-- Persisted documents: registered GraphQL documents, called by id ("sha256:<hex of the text>").
-- In allow-list mode only these run, so a production dashboard's queries are fixed and reviewed.
CREATE TABLE sec_persisted_document (
    document_id     TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NULL,
    query           TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL
);
