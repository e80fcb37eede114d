package io.inkstream.gateway.entity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: the unit of isolation, limits and billing. */
@Entity
@Table(name = "tenants", schema = "gateway")
public class TenantEntity {

    @Id
    public String id;

    public String name;

    public String plan;

    public Instant createdAt;
}
