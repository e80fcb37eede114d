package io.inkstream.dispatcher.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's signing secret, encrypted at rest; the primary one is the newest, older ones sign until they expire. */
@Entity
@Table(name = "tenant_secrets", schema = "dispatcher")
public class TenantSecret {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(name = "secret_enc", nullable = false, columnDefinition = "text")
    public String secretEnc;

    @Column(name = "is_primary", nullable = false)
    public boolean primary;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
