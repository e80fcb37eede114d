-- Auto-disable: failing_since is the first failed attempt since the endpoint's last success (the failure
-- clock, reset by a success or by re-enabling); disabled_at is when it was disabled.
ALTER TABLE endpoints ADD COLUMN failing_since TIMESTAMPTZ;
ALTER TABLE endpoints ADD COLUMN disabled_at TIMESTAMPTZ;
