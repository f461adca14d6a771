-- Indexes for the managers' dashboard and the Prometheus gauges (docs/dashboard.md; queries in
-- dashboard/DashboardQueries). Portable SQL: PostgreSQL and H2.

-- open cases by stage: tenant, status = 'OPEN', grouped by stage, answered from the index alone
create index fa_case_tenant_status_stage on fa_case (tenant_id, status, stage);
-- cases taken in / closed per month, decided in a period, review applications in a period
create index fa_case_tenant_created on fa_case (tenant_id, created_at);
create index fa_case_tenant_closed on fa_case (tenant_id, closed_at);
create index fa_case_tenant_decided on fa_case (tenant_id, decided_at);
create index fa_case_tenant_review on fa_case (tenant_id, review_applied_on);
-- running deadlines (closed_at is null) and stage durations of deadlines closed in a period
create index fa_deadline_closed_case on fa_deadline (closed_at, case_id);
-- measures decided in a period
create index fa_case_measure_state_decided on fa_case_measure (state, decided_at, case_id);
