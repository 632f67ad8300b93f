-- Clicks on the links of newsletter issues, counted by /r/{signed id} as sums per issue, link and day: who
-- clicked is not stored, and there is no open pixel. Portable SQL: the same file runs on SQLite and
-- PostgreSQL. Days are 'YYYY-MM-DD' in UTC.

CREATE TABLE issue_click (
    issue  VARCHAR(200)  NOT NULL,               -- the issue's slug, newsletters/{slug}.md
    url    VARCHAR(2000) NOT NULL,               -- the link as the issue had it, campaign parameters and all
    day    VARCHAR(10)   NOT NULL,
    clicks BIGINT NOT NULL DEFAULT 0,            -- by people; bots and link scanners are redirected uncounted
    PRIMARY KEY (issue, url, day)
);
