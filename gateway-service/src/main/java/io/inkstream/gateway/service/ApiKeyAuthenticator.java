package io.inkstream.gateway.service;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.repository.ApiKeyRepository;
import io.inkstream.gateway.repository.TenantRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a bearer API key to its tenant by the key's SHA-256 hash. Lookups are cached for
 * {@code inkstream.auth.cache-ttl} (4 s by default), which bounds how long a revoked key still works on any
 * replica; last-used times are written in batches, never on the request path.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);

    /** A cached verdict: the tenant, or empty for an unknown or unusable key. */
    private record Cached(Optional<Tenant> tenant, UUID keyId, long expiresAtNanos) {
    }

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final GatewayConfig config;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<UUID> used = ConcurrentHashMap.newKeySet();

    ApiKeyAuthenticator(ApiKeyRepository keys, TenantRepository tenants, GatewayConfig config) {
        this.keys = keys;
        this.tenants = tenants;
        this.config = config;
    }

    public Uni<Optional<Tenant>> authenticate(String presentedKey) {
        if (!ApiKeys.wellFormed(presentedKey)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = HexFormat.of().formatHex(ApiKeys.hash(presentedKey));
        Cached hit = cache.get(hash);
        if (hit != null && hit.expiresAtNanos() - System.nanoTime() > 0) {
            return Uni.createFrom().item(recordUse(hit));
        }
        return Panache.withSession(() -> keys.findByHash(HexFormat.of().parseHex(hash))
                .chain(key -> {
                    Instant now = Instant.now();
                    if (key == null || !key.usableAt(now)) {
                        return Uni.createFrom().item(new Cached(Optional.empty(), null, expiry()));
                    }
                    return tenants.findById(key.tenantId).map(t -> t == null
                            ? new Cached(Optional.empty(), null, expiry())
                            : new Cached(Optional.of(new Tenant(t.id, key.test, t.plan)), key.id, expiry()));
                }))
                .invoke(c -> cache.put(hash, c))
                .map(this::recordUse);
    }

    /** Forgets cached verdicts after a change on this replica; other replicas follow within the TTL. */
    public void invalidateAll() {
        cache.clear();
    }

    private Optional<Tenant> recordUse(Cached c) {
        if (c.keyId() != null) {
            used.add(c.keyId());
        }
        return c.tenant();
    }

    private long expiry() {
        return System.nanoTime() + config.auth().cacheTtl().toNanos();
    }

    @Scheduled(every = "${inkstream.auth.touch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> flushTouches() {
        if (used.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> batch = Set.copyOf(used);
        used.removeAll(batch);
        return keys.touch(batch, Instant.now()).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("could not record key use: %s", e.toString());
                    return null;
                });
    }
}
