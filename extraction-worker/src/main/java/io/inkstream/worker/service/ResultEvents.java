package io.inkstream.worker.service;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.Ids;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentFailed;
import io.inkstream.contracts.message.DocumentSplit;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.contracts.message.PageFailed;
import io.inkstream.contracts.message.PageResult;

/**
 * Builds the worker's CloudEvents for inkstream.results. Ids are UUIDv5 of the document and what happened, so a
 * redelivered document or page produces events with the same identity.
 */
public final class ResultEvents {

    public static final String SOURCE = "/inkstream/extraction-worker";

    private final ObjectMapper mapper;
    private final Clock clock;

    public ResultEvents(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The document being extracted, as the events need it. */
    public record Subject(String jobId, String tenantId, String documentId) {
    }

    public OutgoingResult split(Subject s, int pageCount) {
        return event(s, s.documentId() + ":split", EventTypes.DOCUMENT_SPLIT,
                new DocumentSplit(DocumentSplit.SCHEMA_VERSION, s.jobId(), s.tenantId(), s.documentId(), pageCount));
    }

    public OutgoingResult pageExtracted(Subject s, int page, int pageCount, PageResult result) {
        return event(s, s.documentId() + ":page:" + page + ":extracted", EventTypes.PAGE_EXTRACTED,
                new PageExtracted(PageExtracted.SCHEMA_VERSION, s.jobId(), s.tenantId(), s.documentId(), page,
                        pageCount, result));
    }

    public OutgoingResult pageFailed(Subject s, int page, int pageCount, ErrorCode code, String message) {
        return event(s, s.documentId() + ":page:" + page + ":failed", EventTypes.PAGE_FAILED,
                new PageFailed(PageFailed.SCHEMA_VERSION, s.jobId(), s.tenantId(), s.documentId(), page, pageCount,
                        code.name(), message));
    }

    public OutgoingResult documentFailed(Subject s, ErrorCode code, String message) {
        return event(s, s.documentId() + ":failed", EventTypes.DOCUMENT_FAILED,
                new DocumentFailed(DocumentFailed.SCHEMA_VERSION, s.jobId(), s.tenantId(), s.documentId(),
                        code.name(), message));
    }

    private OutgoingResult event(Subject s, String name, String type, Object data) {
        String id = Ids.uuidV5(Ids.NAMESPACE, name).toString();
        CloudEvent event = CloudEvent.of(mapper, id, SOURCE, type, s.jobId(), clock.instant(), data);
        try {
            return new OutgoingResult(s.jobId(), id, type, mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
    }
}
