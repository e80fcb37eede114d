package io.inkstream.resultstore.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.Json;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.contracts.message.Progress;
import io.inkstream.resultstore.entity.DocumentEntity;
import io.inkstream.resultstore.entity.JobEntity;
import io.inkstream.resultstore.repository.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Renders a lifecycle CloudEvent once, inside the state change's transaction, and stores it in the outbox. The id is
 * UUIDv5(Ids.NAMESPACE, jobId + "/" + transition), so the same transition always carries the same id.
 */
@ApplicationScoped
public class EventWriter {

    public static final String SOURCE = "/inkstream/result-store";

    private final ObjectMapper mapper = Json.newMapper();

    @Inject
    OutboxRepository outbox;

    /** The CloudEvents id of a job transition, e.g. "job.accepted" or "extraction.completed:doc_...". */
    public static String eventId(String jobId, String transition) {
        UUID id = Ids.uuidV5(Ids.NAMESPACE, jobId + "/" + transition);
        return id.toString();
    }

    public static Progress progress(JobEntity job) {
        return new Progress(job.documentsDone, job.documentsTotal, job.pagesDone, job.pagesTotal);
    }

    /** Adds the event for {@code transition} of {@code job} (and {@code doc} for extraction.* events). */
    public Uni<Void> emit(JobEntity job, String type, String transition, DocumentEntity doc, String requestId) {
        JobEventData.DocumentStatus document = doc == null ? null
                : new JobEventData.DocumentStatus(doc.id, doc.state, doc.code, doc.pageCount);
        JobEventData data = new JobEventData(JobEventData.SCHEMA_VERSION, job.id, job.tenantId, job.test, job.state,
                job.type, progress(job), document, job.webhookUrl, job.metadata);
        String id = eventId(job.id, transition);
        CloudEvent event = CloudEvent.of(mapper, id, SOURCE, type, job.id, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                data);
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot render event " + id, e));
        }
        return outbox.add(id, job.id, type, payload, requestId).replaceWithVoid();
    }
}
