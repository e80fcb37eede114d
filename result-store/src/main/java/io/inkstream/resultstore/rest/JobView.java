package io.inkstream.resultstore.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.inkstream.contracts.message.Progress;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A job as the internal API shows it; documents and audit are left out of list entries. */
@RegisterForReflection
public record JobView(String jobId, String tenantId, boolean test, String type, String state, String lane,
        String webhookUrl, Map<String, String> metadata, Instant createdAt, Instant updatedAt, Instant completedAt,
        Progress progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DocumentView> documents,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AuditView> audit) {

    /** One document's status. */
    @RegisterForReflection
    public record DocumentView(String documentId, int index, String name, String mediaType, String state, String code,
            String message, Integer pageCount, int pagesDone) {
    }

    /** One audit entry. */
    @RegisterForReflection
    public record AuditView(Instant at, String state, String cause) {
    }

    /** A page of the job list. */
    @RegisterForReflection
    public record Page(List<JobView> jobs, String nextCursor) {
    }
}
