-- The dashboard's measures (DashboardQueries.decidedMeasures, /api/stats/measures and the overview): every measure
-- decided in the period, with its case, party and code. With these columns in the index PostgreSQL reads them from
-- the index alone (index-only scan) instead of fetching each measure row: 5,000 cases, one tenant, 12 months
-- (14,586 measures): ~0.2 s -> ~40 ms (docs/performance.md). It replaces the index that had the first three columns.
-- Portable SQL: PostgreSQL and H2.
create index fa_case_measure_decided_cover on fa_case_measure (state, decided_at, case_id, party_id, measure);
drop index fa_case_measure_state_decided;
