package io.inkstream.gateway.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.inkstream.gateway.entity.ApiKeyEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** API keys by hash, per tenant. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKeyEntity, UUID> {

    public Uni<ApiKeyEntity> findByHash(byte[] hash) {
        return find("keyHash", hash).firstResult();
    }

    public Uni<List<ApiKeyEntity>> listForTenant(String tenantId) {
        return list("tenantId = ?1 order by createdAt", tenantId);
    }

    /** Records use in one statement for many keys; called in batches, never per request. */
    public Uni<Integer> touch(Collection<UUID> ids, Instant at) {
        return update("lastUsedAt = ?1 where id in ?2 and (lastUsedAt is null or lastUsedAt < ?1)", at, ids);
    }
}
