-- result-store schema, forward-only. Times are timestamptz (UTC); ids are the wire ids (job_<uuid>, doc_<uuid>).

CREATE TABLE jobs (
    id                  VARCHAR(64)  PRIMARY KEY,
    tenant_id           VARCHAR(128) NOT NULL,
    test                BOOLEAN      NOT NULL,
    type                VARCHAR(64),
    lane                VARCHAR(16)  NOT NULL,
    state               VARCHAR(32)  NOT NULL,
    webhook_url         TEXT,
    metadata            JSONB,
    request_id          VARCHAR(128),
    options             TEXT,
    documents_total     INTEGER      NOT NULL,
    documents_done      INTEGER      NOT NULL DEFAULT 0,
    documents_failed    INTEGER      NOT NULL DEFAULT 0,
    documents_review    INTEGER      NOT NULL DEFAULT 0,
    pages_total         INTEGER      NOT NULL DEFAULT 0,
    pages_done          INTEGER      NOT NULL DEFAULT 0,
    progress_emitted_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    completed_at        TIMESTAMPTZ
);
-- job list: tenant, newest first, keyset cursor (created_at, id); optional state filter
CREATE INDEX jobs_tenant_created_idx ON jobs (tenant_id, created_at DESC, id DESC);
CREATE INDEX jobs_tenant_state_created_idx ON jobs (tenant_id, state, created_at DESC, id DESC);
-- retention purge
CREATE INDEX jobs_created_idx ON jobs (created_at);

CREATE TABLE documents (
    id          VARCHAR(64)  PRIMARY KEY,
    job_id      VARCHAR(64)  NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    index       INTEGER      NOT NULL,
    name        TEXT,
    media_type  VARCHAR(128),
    blob_ref    TEXT,
    state       VARCHAR(32)  NOT NULL,
    code        VARCHAR(64),
    message     TEXT,
    page_count  INTEGER,
    pages_done  INTEGER      NOT NULL DEFAULT 0,
    pages_failed INTEGER     NOT NULL DEFAULT 0,
    pages_review INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT documents_job_index_uq UNIQUE (job_id, index)
);

-- one row per page result; result is AES-GCM ciphertext of the PageResult JSON under key key_id
CREATE TABLE pages (
    document_id VARCHAR(64) NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    page        INTEGER     NOT NULL,
    status      VARCHAR(16) NOT NULL,
    result      BYTEA,
    key_id      VARCHAR(64),
    code        VARCHAR(64),
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_id, page)
);

CREATE TABLE audit (
    id     BIGSERIAL   PRIMARY KEY,
    job_id VARCHAR(64) NOT NULL,
    at     TIMESTAMPTZ NOT NULL,
    state  VARCHAR(32) NOT NULL,
    cause  TEXT
);
CREATE INDEX audit_job_idx ON audit (job_id, id);

CREATE TABLE usage (
    tenant_id VARCHAR(128) NOT NULL,
    day       DATE         NOT NULL,
    type      VARCHAR(64)  NOT NULL,
    test      BOOLEAN      NOT NULL,
    documents BIGINT       NOT NULL DEFAULT 0,
    pages     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, type, test)
);

-- lifecycle events rendered once at insert time; the relay publishes them in seq order
CREATE TABLE outbox (
    seq          BIGSERIAL    PRIMARY KEY,
    event_id     VARCHAR(64)  NOT NULL,
    job_id       VARCHAR(64)  NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    payload      TEXT         NOT NULL,
    request_id   VARCHAR(128),
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ,
    CONSTRAINT outbox_event_id_uq UNIQUE (event_id)
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

-- results that arrived before their JobAccepted (different topics, no ordering between them);
-- applied and deleted in the transaction that creates the job. payload is encrypted like pages.result.
CREATE TABLE pending_results (
    seq        BIGSERIAL   PRIMARY KEY,
    job_id     VARCHAR(64) NOT NULL,
    payload    BYTEA       NOT NULL,
    key_id     VARCHAR(64) NOT NULL,
    request_id VARCHAR(128),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_results_job_idx ON pending_results (job_id, seq);
CREATE INDEX pending_results_created_idx ON pending_results (created_at);
