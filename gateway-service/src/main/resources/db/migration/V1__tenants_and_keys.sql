-- Tenants and their API keys. Keys are stored only as SHA-256 hashes; the plaintext is shown once.
CREATE TABLE tenants (
    id          TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    plan        TEXT        NOT NULL CHECK (plan IN ('free', 'starter', 'professional', 'enterprise')),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_keys (
    id            UUID PRIMARY KEY,
    tenant_id     TEXT        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key_hash      BYTEA       NOT NULL UNIQUE,
    prefix        TEXT        NOT NULL,
    test          BOOLEAN     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    -- Set by rotation: the old key keeps working until then.
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);

CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at);
