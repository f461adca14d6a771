-- The deadline board (DashboardQueries.openDeadlineGroups, urgentDeadlines) and the deadline gauges: per open case
-- of the tenant, its running deadlines (closed_at null) with the columns their colour depends on, read from the index
-- alone (index-only scan) instead of fetching each wide fa_deadline row (its explanation text). 100,000 cases, Jinan,
-- 12,502 open cases, warm in psql: colour counts 115 -> 46 ms, the 200 most urgent 336 -> 65 ms (docs/performance.md).
-- Portable SQL: PostgreSQL and H2.
create index fa_deadline_case_open on fa_deadline (case_id, closed_at, due_on, warn_on, suspended_since, stage);
