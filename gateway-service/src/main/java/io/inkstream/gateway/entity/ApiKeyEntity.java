package io.inkstream.gateway.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key by its hash; the plaintext never reaches the database. */
@Entity
@Table(name = "api_keys", schema = "gateway")
public class ApiKeyEntity {

    @Id
    public UUID id;

    public String tenantId;

    public byte[] keyHash;

    /** The first characters of the key, for people to recognise it in listings. */
    public String prefix;

    public boolean test;

    public Instant createdAt;

    public Instant expiresAt;

    public Instant revokedAt;

    public Instant lastUsedAt;

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
