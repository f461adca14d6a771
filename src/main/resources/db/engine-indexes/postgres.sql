-- Indexes on the engine's tables (PostgreSQL), applied by platform/EngineIndexes after the engine builds its schema.
-- Each: which query it serves, and the before/after of docs/performance.md.

-- Job acquisition (the engine's selectNextJobsToExecute, every cycle of the job executor): the jobs it may acquire,
-- by due date. With ensureJobDueDateNotNull and acquisition by due date (application.yaml) the query asks for
-- DUEDATE_ <= now in due-date order: a range at the start of this index, however many future timers wait behind it.
-- Partial: exhausted (RETRIES_ = 0) and suspended jobs (a suspended stage's timers) are never acquired and stay out
-- of it, however overdue. Stock: a sequential scan of ACT_RU_JOB per cycle (1,000,000 timers: ~0.9-1.3 s).
create index if not exists FA_IDX_JOB_ACQUIRABLE on ACT_RU_JOB (DUEDATE_)
  where RETRIES_ > 0 and SUSPENSION_STATE_ = 1;

-- Job acquisition's check that no exclusive job of the same process instance is running (its NOT EXISTS subquery):
-- PostgreSQL builds it once per cycle as a hash of the locked jobs, which without this index is a sequential scan of
-- ACT_RU_JOB whenever any job is due (1,000,000 timers: ~0.4-0.6 s per cycle). Only locked jobs, those in flight,
-- are in it; locking and unlocking a job adds and removes its entry.
create index if not exists FA_IDX_JOB_LOCKED on ACT_RU_JOB (PROCESS_INSTANCE_ID_)
  where LOCK_OWNER_ is not null;

-- Task queries with authorization checks (Tasklist's lists and counts, GET /engine-rest/task and /task/count): the
-- engine joins the caller's authorizations that grant READ on the task or READ_TASK on its process definition,
-- AUTH.RESOURCE_ID_ in (task id, definition key, '*'). That OR cannot be hashed, so the join is a nested loop: either
-- per task a probe of the authorizations by resource id (linear), or per authorization a pass over the tasks
-- (authorizations x tasks: quadratic - there is one authorization per task, made by the engine for each candidate
-- group). PostgreSQL has no statistics for the bit tests PERMS_ & 2 and PERMS_ & 64, estimated the caller's
-- authorizations at one row and chose the quadratic loop (5,000 cases: 0.35 s; ~50,000 tasks: 12-15 s). These
-- statistics give it the real number (PostgreSQL 14 or later has expression statistics; older servers go without).
-- Only custom plans see the permission values: platform/PostgresSessionSettings sets plan_cache_mode.
do $$ begin if current_setting('server_version_num')::int >= 140000 then execute 'create statistics if not exists FA_STAT_AUTH_PERMS on (PERMS_ & 2), (PERMS_ & 64) from ACT_RU_AUTHORIZATION'; if not exists (select 1 from pg_stats_ext_exprs where statistics_name = 'fa_stat_auth_perms') then execute 'analyze ACT_RU_AUTHORIZATION'; end if; end if; end $$;

-- The per-task probe of the same join, made cheap: only the authorizations that can grant a task query anything,
-- by resource id. Stock ACT_IDX_AUTH_RESOURCE_ID returns per task also every '*' and definition-key authorization of
-- every resource type and group (~115 rows fetched and discarded per task); this one ~7. ~50,000 tasks, one role's
-- 6,240: count 0.39 s -> 0.16 s (docs/performance.md). The predicate is the engine's permission check for task
-- queries, which a custom plan proves; inserting a task's authorizations adds one entry.
create index if not exists FA_IDX_AUTH_TASK_READ on ACT_RU_AUTHORIZATION (RESOURCE_ID_)
  where (RESOURCE_TYPE_ = 7 and PERMS_ & 2 = 2) or (RESOURCE_TYPE_ = 6 and PERMS_ & 64 = 64);
