-- Sessions of the site owner's dashboard (/admin/). Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Only the SHA-256 of the random session token is kept: a copy of the database logs nobody in.
-- Times are epoch milliseconds (UTC).

CREATE TABLE admin_session (
    token_hash VARCHAR(64) PRIMARY KEY,   -- SHA-256 of the cookie's token, hex
    created_at BIGINT NOT NULL,           -- a session ends 7 days after it began, used or not
    seen_at    BIGINT NOT NULL            -- and 12 hours after it was last used
);
CREATE INDEX admin_session_seen ON admin_session (seen_at);
