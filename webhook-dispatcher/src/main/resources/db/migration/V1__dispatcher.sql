-- Webhook dispatcher schema: tenant signing secrets, registered endpoints, messages (one per event and
-- target) and the attempt log. Delivery attempts are claimed as short leases (locked_until), never as
-- row locks held across the HTTP call.

CREATE TABLE tenant_secrets (
    id          UUID PRIMARY KEY,
    tenant_id   VARCHAR(128) NOT NULL,
    key_id      VARCHAR(64)  NOT NULL,
    secret_enc  TEXT         NOT NULL,
    is_primary  BOOLEAN      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ
);
-- At most one primary (newest) secret per tenant; it also resolves a first-use race.
CREATE UNIQUE INDEX tenant_secrets_primary_uq ON tenant_secrets (tenant_id) WHERE is_primary;
CREATE INDEX tenant_secrets_tenant_idx ON tenant_secrets (tenant_id);

CREATE TABLE endpoints (
    id            UUID PRIMARY KEY,
    tenant_id     VARCHAR(128)  NOT NULL,
    url           VARCHAR(2048) NOT NULL,
    description   VARCHAR(512),
    event_types   TEXT,
    enabled       BOOLEAN       NOT NULL,
    rate_limit    INTEGER,
    disabled_reason VARCHAR(256),
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX endpoints_tenant_idx ON endpoints (tenant_id);

CREATE TABLE messages (
    id              UUID PRIMARY KEY,
    event_id        VARCHAR(128)  NOT NULL,
    tenant_id       VARCHAR(128)  NOT NULL,
    job_id          VARCHAR(128),
    target          VARCHAR(2048) NOT NULL,
    endpoint_id     UUID REFERENCES endpoints (id) ON DELETE SET NULL,
    event_type      VARCHAR(128)  NOT NULL,
    payload         TEXT          NOT NULL,
    request_id      VARCHAR(256),
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    locked_until    TIMESTAMPTZ,
    last_error      VARCHAR(1024),
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT messages_status_ck CHECK (status IN ('pending', 'delivered', 'failed')),
    CONSTRAINT messages_event_target_uq UNIQUE (event_id, target)
);
-- The claim query scans only pending rows in due order.
CREATE INDEX messages_due_idx ON messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX messages_tenant_job_idx ON messages (tenant_id, job_id);
CREATE INDEX messages_endpoint_idx ON messages (endpoint_id, created_at);

CREATE TABLE attempts (
    id               UUID PRIMARY KEY,
    message_id       UUID        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    attempt_no       INTEGER     NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    status_code      INTEGER,
    latency_ms       BIGINT      NOT NULL,
    response_excerpt VARCHAR(1024),
    error            VARCHAR(1024),
    outcome          VARCHAR(16) NOT NULL
);
CREATE INDEX attempts_message_idx ON attempts (message_id, at);
