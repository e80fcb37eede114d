package io.inkstream.resultstore.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A result record that arrived before its JobAccepted; applied when the job is created. Payload is encrypted. */
@Entity
@Table(name = "pending_results", schema = "result_store")
public class PendingResultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "job_id")
    public String jobId;
    public byte[] payload;
    @Column(name = "key_id")
    public String keyId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "created_at")
    public Instant createdAt;
}
