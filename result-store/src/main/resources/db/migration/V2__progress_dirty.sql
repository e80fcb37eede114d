-- job.progress is coalesced to one per second per job; a job whose progress changed since the last event is
-- "dirty" so a sweep can publish the trailing update even when no further result arrives.
ALTER TABLE jobs ADD COLUMN progress_dirty BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX jobs_progress_dirty_idx ON jobs (progress_emitted_at) WHERE progress_dirty;
