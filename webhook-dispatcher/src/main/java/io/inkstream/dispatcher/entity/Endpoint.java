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

    /** When the endpoint was last disabled (410, failure window or request); null while enabled. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** First failed attempt since the last success; null when healthy. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
