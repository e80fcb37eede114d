package io.inkstream.dispatcher.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event to deliver to one target; unique per (event id, target) so a redelivered event is not sent again. */
@Entity
@Table(name = "messages", schema = "dispatcher")
public class Message {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "job_id")
    public String jobId;

    @Column(nullable = false)
    public String target;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
