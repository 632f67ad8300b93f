-- Newsletter issues being sent: one row per issue once `answerline newsletter send` has queued it, and one
-- per (issue, subscriber), so that nobody gets an issue twice whatever stops or runs twice.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are epoch milliseconds (UTC).

CREATE TABLE newsletter_issue (
    slug        VARCHAR(200) PRIMARY KEY,        -- the file newsletters/{slug}.md
    subject     VARCHAR(500) NOT NULL,
    queued_at   BIGINT NOT NULL,                 -- from then on its web version is published
    finished_at BIGINT                           -- when no delivery was left to try
);

CREATE TABLE delivery (
    issue           VARCHAR(200) NOT NULL REFERENCES newsletter_issue (slug),
    email           VARCHAR(254) NOT NULL REFERENCES subscriber (email),
    status          VARCHAR(16) NOT NULL,        -- queued | sent | bounced | failed | skipped
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until   BIGINT,                      -- a sender is working on it until then
    sent_at         BIGINT,
    last_error      VARCHAR(1000),
    PRIMARY KEY (issue, email)
);
CREATE INDEX delivery_due ON delivery (issue, status, next_attempt_at);

-- a mail server refused the address for good (5xx): status 'bounced', and no more mail
ALTER TABLE subscriber ADD COLUMN bounced_at BIGINT;
