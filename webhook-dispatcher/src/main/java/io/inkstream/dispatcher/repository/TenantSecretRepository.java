package io.inkstream.dispatcher.repository;

import java.util.UUID;

import io.inkstream.dispatcher.entity.TenantSecret;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Tenant signing secrets. */
@ApplicationScoped
public class TenantSecretRepository implements PanacheRepositoryBase<TenantSecret, UUID> {
}
