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
