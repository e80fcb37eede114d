package io.inkstream.gateway.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.entity.ApiKeyEntity;
import io.inkstream.gateway.entity.TenantEntity;
import io.inkstream.gateway.repository.ApiKeyRepository;
import io.inkstream.gateway.repository.TenantRepository;
import io.inkstream.gateway.rest.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenants and their API keys: create (the key is returned once), list, rotate with overlap, revoke. */
@ApplicationScoped
public class TenantAdmin {

    /** A freshly issued key: the only time its plaintext exists outside the client. */
    public record IssuedKey(ApiKeyEntity key, String plaintext) {
    }

    private final TenantRepository tenants;
    private final ApiKeyRepository keys;
    private final ApiKeyAuthenticator authenticator;

    TenantAdmin(TenantRepository tenants, ApiKeyRepository keys, ApiKeyAuthenticator authenticator) {
        this.tenants = tenants;
        this.keys = keys;
        this.authenticator = authenticator;
    }

    @WithTransaction
    public Uni<TenantEntity> createTenant(String id, String name, Plan plan) {
        return tenants.findById(id).chain(existing -> {
            if (existing != null) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "tenant " + id + " exists",
                        java.util.Map.of("field", "id"));
            }
            TenantEntity t = new TenantEntity();
            t.id = id;
            t.name = name;
            t.plan = plan.name().toLowerCase();
            t.createdAt = Instant.now();
            return tenants.persist(t);
        });
    }

    @WithSession
    public Uni<List<TenantEntity>> tenants() {
        return tenants.listAll(io.quarkus.panache.common.Sort.by("createdAt"));
    }

    @WithTransaction
    public Uni<IssuedKey> issueKey(String tenantId, boolean test) {
        return tenant(tenantId).chain(t -> persistKey(tenantId, test));
    }

    @WithSession
    public Uni<List<ApiKeyEntity>> keys(String tenantId) {
        return tenant(tenantId).chain(t -> keys.listForTenant(tenantId));
    }

    /** A new key of the same kind; the old one keeps working for {@code overlap}, then expires. */
    @WithTransaction
    public Uni<IssuedKey> rotate(String tenantId, UUID keyId, Duration overlap) {
        return key(tenantId, keyId).chain(old -> {
            Instant until = Instant.now().plus(overlap);
            if (old.expiresAt == null || old.expiresAt.isAfter(until)) {
                old.expiresAt = until;
            }
            return persistKey(tenantId, old.test);
        }).invoke(authenticator::invalidateAll);
    }

    @WithTransaction
    public Uni<Void> revoke(String tenantId, UUID keyId) {
        return key(tenantId, keyId).invoke(k -> {
            if (k.revokedAt == null) {
                k.revokedAt = Instant.now();
            }
        }).invoke(authenticator::invalidateAll).replaceWithVoid();
    }

    /** Creates the bootstrap tenant and key from configuration when they are missing; idempotent. */
    @WithTransaction
    public Uni<Void> ensureBootstrap(String tenantId, Plan plan, String plaintextKey) {
        return tenants.findById(tenantId).chain(t -> {
            if (t != null) {
                return Uni.createFrom().item(t);
            }
            TenantEntity created = new TenantEntity();
            created.id = tenantId;
            created.name = tenantId;
            created.plan = plan.name().toLowerCase();
            created.createdAt = Instant.now();
            return tenants.persist(created);
        }).chain(t -> keys.findByHash(ApiKeys.hash(plaintextKey))).chain(k -> k != null
                ? Uni.createFrom().voidItem()
                : keys.persist(newKey(tenantId, plaintextKey)).replaceWithVoid());
    }

    private Uni<IssuedKey> persistKey(String tenantId, boolean test) {
        String plaintext = ApiKeys.generate(test);
        return keys.persist(newKey(tenantId, plaintext)).map(k -> new IssuedKey(k, plaintext));
    }

    private static ApiKeyEntity newKey(String tenantId, String plaintext) {
        ApiKeyEntity k = new ApiKeyEntity();
        k.id = UUID.randomUUID();
        k.tenantId = tenantId;
        k.keyHash = ApiKeys.hash(plaintext);
        k.prefix = ApiKeys.displayPrefix(plaintext);
        k.test = ApiKeys.isTest(plaintext);
        k.createdAt = Instant.now();
        return k;
    }

    private Uni<TenantEntity> tenant(String tenantId) {
        return tenants.findById(tenantId).map(t -> {
            if (t == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no such tenant");
            }
            return t;
        });
    }

    private Uni<ApiKeyEntity> key(String tenantId, UUID keyId) {
        return keys.findById(keyId).map(k -> {
            if (k == null || !k.tenantId.equals(tenantId)) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no such key");
            }
            return k;
        });
    }
}
