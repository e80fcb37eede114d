package io.inkstream.gateway.repository;

import io.inkstream.gateway.entity.TenantEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenants in the gateway's schema. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {
}
