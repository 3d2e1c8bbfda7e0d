-- Persisted documents: registered GraphQL documents, called by id ("sha256:<hex of the text>").
-- In allow-list mode only these run, so a production dashboard's queries are fixed and reviewed.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
CREATE TABLE sec.persisted_document (
    document_id     varchar(80)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    name            nvarchar(200) NULL,
    query           nvarchar(max) NOT NULL,
    created_at      datetime2(3)  NOT NULL,
    created_by      nvarchar(200) NOT NULL,
    CONSTRAINT pk_persisted_document PRIMARY KEY (document_id)
);
GO
