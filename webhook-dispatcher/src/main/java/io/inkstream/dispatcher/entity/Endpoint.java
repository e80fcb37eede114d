package io.inkstream.dispatcher.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's registered webhook endpoint. */
@Entity
@Table(name = "endpoints", schema = "dispatcher")
public class Endpoint {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String url;

    public String description;

    /** Comma-separated event types; null selects every type except job.progress. */
    @Column(name = "event_types", columnDefinition = "text")
    public String eventTypes;

    @Column(nullable = false)
    public boolean enabled;

    /** Deliveries per second; null means unlimited. */
    @Column(name = "rate_limit")
    public Integer rateLimit;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
