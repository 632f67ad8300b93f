-- Rate limits that several app nodes on one PostgreSQL share: one row per limit and client, holding the
-- start of the client's current window and its attempts in it. The client is a keyed hash of its address,
-- never the address. Portable SQL: the same file runs on SQLite and PostgreSQL.

CREATE TABLE rate_window (
    scope        VARCHAR(40) NOT NULL,           -- which limit, e.g. 'signup'
    client       VARCHAR(64) NOT NULL,           -- the keyed hash of the client address
    window_start BIGINT      NOT NULL,           -- epoch milliseconds
    attempts     INTEGER     NOT NULL,
    PRIMARY KEY (scope, client)
);
CREATE INDEX rate_window_start ON rate_window (window_start);
