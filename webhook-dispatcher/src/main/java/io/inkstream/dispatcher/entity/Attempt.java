package io.inkstream.dispatcher.entity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One delivery attempt of a message: when, the receiver's status, latency, a capped response excerpt, the error. */
@Entity
@Table(name = "attempts", schema = "dispatcher")
public class Attempt {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "attempt_no", nullable = false)
    public int attemptNo;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    @Column(name = "response_excerpt")
    public String responseExcerpt;

    public String error;

    @Column(nullable = false)
    public String outcome;
}
