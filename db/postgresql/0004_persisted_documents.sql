-- Persisted documents: registered GraphQL documents, called by id ("sha256:<hex of the text>").
-- In allow-list mode only these run, so a production dashboard's queries are fixed and reviewed.
CREATE TABLE sec.persisted_document (
    document_id     varchar(80)   COLLATE "C" NOT NULL,
    name            varchar(200) NULL,
    query           text          NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    created_by      varchar(200) NOT NULL,
    CONSTRAINT pk_persisted_document PRIMARY KEY (document_id)
);
