-- API keys: admin-issued credentials a BI gateway can hold for unattended refresh. Only the SHA-256 of the
-- secret is stored (the secret is shown once, when issued); a key acts as its bound user, whose stored
-- assignment then decides scope and masks, so a key can never read more than that user.
CREATE TABLE sec_api_key (
    key_id          TEXT    NOT NULL PRIMARY KEY,
    secret_hash     TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    note            TEXT    NULL,
    expires_at      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    revoked_at      TEXT    NULL,
    revoked_by      TEXT    NULL,
    last_used_at    TEXT    NULL
);
CREATE UNIQUE INDEX ux_api_key_secret_hash ON sec_api_key (secret_hash);
CREATE INDEX ix_api_key_user ON sec_api_key (user_id);
