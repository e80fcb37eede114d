package io.inkstream.resultstore.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One job transition: when, to which state, why. */
@Entity
@Table(name = "audit", schema = "result_store")
public class AuditEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "job_id")
    public String jobId;
    public Instant at;
    public String state;
    @Column(columnDefinition = "text")
    public String cause;
}
