package io.inkstream.dispatcher.repository;

import java.util.List;
import java.util.UUID;

import io.inkstream.dispatcher.entity.Endpoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Registered endpoints, always read within a tenant. */
@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<Endpoint, UUID> {

    public Uni<Endpoint> findForTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<Endpoint>> listForTenant(String tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId);
    }
}
