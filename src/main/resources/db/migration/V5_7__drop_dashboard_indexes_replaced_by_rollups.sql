-- Indexes that only the dashboard's row-level period queries used; those figures now read the monthly roll-ups
-- (V5_4) and the deadline board reads fa_deadline_case_open (V5_6), so nothing reads these any more and every insert
-- paid for them (fa_case_measure_decided_cover: one entry per measure row, 3.85 million at 100,000 cases).
-- Portable SQL: PostgreSQL and H2.
drop index fa_case_measure_decided_cover;
drop index fa_deadline_closed_case;
drop index fa_case_tenant_created;
drop index fa_case_tenant_closed;
