-- Monthly roll-ups of the dashboard's period figures (docs/dashboard.md): each row counts what a month of a tenant
-- holds, so that a period's figure reads a few hundred rows instead of every measure, party and deadline of the
-- period (at 100,000 cases: 293,000 decided measures of one tenant in twelve months, docs/performance.md).
-- Kept in step by dashboard/DashboardRollups in the same transaction as the rows they count; filled from those rows
-- by V5_5 (DashboardRollups.rebuild). A month is the first day of the month. Portable SQL: PostgreSQL and H2.

-- measures in force (state DECIDED) by the month they were decided, the unit they concern and their code
create table fa_rollup_measure (
  tenant_id    varchar(64)  not null,
  month_start  date         not null,
  unit         varchar(200) not null,
  measure      varchar(64)  not null,
  n            bigint       not null,
  primary key (tenant_id, month_start, unit, measure)
);

-- deadlines that ended, by the month they ended, their stage and the calendar days from the triggering event:
-- a histogram, so that the median over any months and tenants is exact
create table fa_rollup_stage_days (
  tenant_id    varchar(64)  not null,
  month_start  date         not null,
  stage        varchar(32)  not null,
  days         integer      not null,
  n            bigint       not null,
  primary key (tenant_id, month_start, stage, days)
);

-- parties whose circumstances were assessed (exempt not null) and those exempted, by the month the case was decided
create table fa_rollup_exemption (
  tenant_id    varchar(64)  not null,
  month_start  date         not null,
  assessed     bigint       not null,
  exempt       bigint       not null,
  primary key (tenant_id, month_start)
);

-- cases taken in (by the month of created_at) and closed (by the month of closed_at)
create table fa_rollup_case_month (
  tenant_id    varchar(64)  not null,
  month_start  date         not null,
  taken_in     bigint       not null,
  closed       bigint       not null,
  primary key (tenant_id, month_start)
);
