-- Insights: daily figures per page, kept as sums that every node adds to. No address and no cookie is stored;
-- a visitor is a salted hash that lives two days with its salt. Days are 'YYYY-MM-DD' in UTC.

CREATE TABLE insight_day (
    day        VARCHAR(10)  NOT NULL,
    path       VARCHAR(512) NOT NULL,             -- the page's path, e.g. /answers/should-you-roll
    views      BIGINT NOT NULL DEFAULT 0,         -- HTML pages answered to people (200 or 304)
    visitors   BIGINT NOT NULL DEFAULT 0,         -- distinct visitors that day (not those who sent Sec-GPC or DNT)
    ai_reads   BIGINT NOT NULL DEFAULT 0,         -- pages answered to AI crawlers and assistants
    cta_clicks BIGINT NOT NULL DEFAULT 0,         -- clicks on the page's call to action
    signups    BIGINT NOT NULL DEFAULT 0,         -- newsletter signups from the page's form
    confirmed  BIGINT NOT NULL DEFAULT 0,         -- confirmations of those signups, on the day they came
    PRIMARY KEY (day, path)
);

-- the day's visitors, by page; path '' is the whole site. Deleted with the day's salt.
CREATE TABLE insight_visitor (
    day  VARCHAR(10)  NOT NULL,
    path VARCHAR(512) NOT NULL,
    hash BIGINT       NOT NULL,
    PRIMARY KEY (day, path, hash)
);

-- the random salt of each day's visitor hashes, shared by every node; deleted after two days
CREATE TABLE insight_salt (
    day  VARCHAR(10) PRIMARY KEY,
    salt VARCHAR(64) NOT NULL
);

-- which AI crawler or assistant read which page
CREATE TABLE insight_agent (
    day   VARCHAR(10)  NOT NULL,
    path  VARCHAR(512) NOT NULL,
    agent VARCHAR(64)  NOT NULL,
    reads BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, path, agent)
);

-- clicks per page and call to action (its id in site.yaml)
CREATE TABLE insight_cta (
    day    VARCHAR(10)  NOT NULL,
    path   VARCHAR(512) NOT NULL,
    cta    VARCHAR(64)  NOT NULL,
    clicks BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, path, cta)
);

-- where views came from: kind 'referrer' (another site's host) or 'utm_source' (the link's parameter)
CREATE TABLE insight_source (
    day   VARCHAR(10)  NOT NULL,
    path  VARCHAR(512) NOT NULL,
    kind  VARCHAR(16)  NOT NULL,
    value VARCHAR(128) NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, path, kind, value)
);

-- what readers searched for, normalised (lower case, single spaces); empty: searches that found nothing;
-- clicks: results opened from the search page
CREATE TABLE insight_query (
    day       VARCHAR(10)  NOT NULL,
    query     VARCHAR(128) NOT NULL,
    searches  BIGINT NOT NULL DEFAULT 0,
    empty     BIGINT NOT NULL DEFAULT 0,
    clicks    BIGINT NOT NULL DEFAULT 0,
    last_seen BIGINT NOT NULL,                   -- epoch milliseconds
    PRIMARY KEY (day, query)
);
