-- A replay restarts the retry schedule without renumbering the attempt log: the schedule position of a
-- message is attempts - schedule_base.
ALTER TABLE messages ADD COLUMN schedule_base INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_endpoint_status_idx ON messages (endpoint_id, status, created_at);
CREATE INDEX attempts_at_idx ON attempts (message_id, attempt_no);
