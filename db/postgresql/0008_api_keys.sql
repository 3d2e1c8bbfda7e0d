-- API keys (twin of db/sqlserver/0008_api_keys.sql): admin-issued credentials a BI gateway can hold for
-- unattended refresh. Only the SHA-256 of the secret is stored (the secret is shown once, when issued); a key
-- acts as its bound user, whose stored assignment then decides scope and masks.
CREATE TABLE sec.api_key (
    key_id          varchar(40)   COLLATE "C" NOT NULL,
    secret_hash     varchar(64)   COLLATE "C" NOT NULL,
    user_id         varchar(128)  COLLATE "C" NOT NULL,
    note            varchar(200) NULL,
    expires_at      timestamptz(3) NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    created_by      varchar(100) NOT NULL,
    revoked_at      timestamptz(3) NULL,
    revoked_by      varchar(100) NULL,
    last_used_at    timestamptz(3) NULL,
    CONSTRAINT pk_api_key PRIMARY KEY (key_id)
);
CREATE UNIQUE INDEX ux_api_key_secret_hash ON sec.api_key (secret_hash);
CREATE INDEX ix_api_key_user ON sec.api_key (user_id);
