package io.inkstream.resultstore.entity;

import java.time.Instant;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A job: what the gateway accepted, its counters and its lifecycle state. */
@Entity
@Table(name = "jobs", schema = "result_store")
public class JobEntity {

    @Id
    public String id;
    @Column(name = "tenant_id")
    public String tenantId;
    public boolean test;
    public String type;
    public String lane;
    public String state;
    @Column(name = "webhook_url", columnDefinition = "text")
    public String webhookUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> metadata;
    @Column(name = "request_id")
    public String requestId;
    @Column(columnDefinition = "text")
    public String options;
    @Column(name = "documents_total")
    public int documentsTotal;
    @Column(name = "documents_done")
    public int documentsDone;
    @Column(name = "documents_failed")
    public int documentsFailed;
    @Column(name = "documents_review")
    public int documentsReview;
    @Column(name = "pages_total")
    public int pagesTotal;
    @Column(name = "pages_done")
    public int pagesDone;
    /** Progress changed since the last job.progress event. */
    @Column(name = "progress_dirty")
    public boolean progressDirty;
    @Column(name = "progress_emitted_at")
    public Instant progressEmittedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean isFinal() {
        return States.isFinalJob(state);
    }
}
