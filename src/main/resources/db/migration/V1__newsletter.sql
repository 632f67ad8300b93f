-- Newsletter subscribers with their consent record, single-purpose tokens, and the durable mail outbox.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are epoch milliseconds (UTC).

CREATE TABLE setting (
    name  VARCHAR(64) PRIMARY KEY,
    value VARCHAR(512) NOT NULL
);

CREATE TABLE subscriber (
    email           VARCHAR(254) PRIMARY KEY,    -- normalised: trimmed, domain lower-cased
    status          VARCHAR(16)  NOT NULL,       -- pending | confirmed | unsubscribed
    source_page     VARCHAR(512) NOT NULL,       -- the page of the latest signup
    consent_text    VARCHAR(2000) NOT NULL,      -- what the form said when they signed up
    signed_up_at    BIGINT NOT NULL,             -- the latest signup
    confirmed_at    BIGINT,
    unsubscribed_at BIGINT,
    client_hash     VARCHAR(64),                 -- keyed hash of the client address, never the address
    updated_at      BIGINT NOT NULL
);
CREATE INDEX subscriber_status ON subscriber (status);

CREATE TABLE token (
    hash       VARCHAR(64) PRIMARY KEY,          -- SHA-256 of the token; the token itself is only in the email
    email      VARCHAR(254) NOT NULL REFERENCES subscriber (email),
    purpose    VARCHAR(16) NOT NULL,             -- confirm | unsubscribe
    created_at BIGINT NOT NULL,
    expires_at BIGINT,                           -- null: until used
    used_at    BIGINT
);
CREATE INDEX token_email ON token (email, purpose);

CREATE TABLE outbox (
    id              VARCHAR(36) PRIMARY KEY,
    recipient       VARCHAR(254) NOT NULL,
    kind            VARCHAR(16) NOT NULL,        -- confirm | welcome
    message         TEXT,                        -- the MIME message; cleared once sent
    created_at      BIGINT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until   BIGINT,                      -- a sender is working on it until then
    sent_at         BIGINT,
    failed_at       BIGINT,                      -- given up after too many attempts
    last_error      VARCHAR(1000)
);
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
