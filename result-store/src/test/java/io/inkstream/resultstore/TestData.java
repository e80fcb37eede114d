package io.inkstream.resultstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.Json;
import io.inkstream.contracts.Lane;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentFailed;
import io.inkstream.contracts.message.DocumentRef;
import io.inkstream.contracts.message.DocumentSplit;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobAccepted;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.contracts.message.PageFailed;
import io.inkstream.contracts.message.PageResult;

/** Builds wire messages (JSON strings) the way the gateway and the workers produce them. */
final class TestData {

    static final ObjectMapper MAPPER = Json.newMapper();

    final String tenant;
    final String jobId;
    final List<String> documentIds = new ArrayList<>();

    TestData(String tenant, int documents) {
        this.tenant = tenant;
        this.jobId = Ids.newJobId();
        for (int i = 0; i < documents; i++) {
            documentIds.add(Ids.documentId(jobId, i));
        }
    }

    static String newTenant() {
        return "t-" + UUID.randomUUID();
    }

    String doc(int i) {
        return documentIds.get(i);
    }

    String jobAccepted() {
        return jobAccepted(List.of());
    }

    String jobAccepted(List<String> blobs) {
        return jobAccepted(blobs, Instant.now());
    }

    String jobAccepted(List<String> blobs, Instant acceptedAt) {
        List<DocumentRef> refs = new ArrayList<>();
        for (int i = 0; i < documentIds.size(); i++) {
            refs.add(new DocumentRef(documentIds.get(i), i, "doc-" + i + ".png", "image/png", 10L, "00",
                    i < blobs.size() ? blobs.get(i) : null, null));
        }
        return json(new JobAccepted(JobAccepted.SCHEMA_VERSION, jobId, tenant, false, Lane.BATCH, "invoice", null,
                "https://hooks.example.com/x", Map.of("order", "42"), refs, acceptedAt));
    }

    String split(int doc, int pages) {
        return event(EventTypes.DOCUMENT_SPLIT,
                new DocumentSplit(DocumentSplit.SCHEMA_VERSION, jobId, tenant, doc(doc), pages));
    }

    String page(int doc, int page, int pageCount, String text) {
        return page(doc, page, pageCount, text, false);
    }

    String page(int doc, int page, int pageCount, String text, boolean lowConfidence) {
        PageResult r = new PageResult(page, 600, 800, PageResult.UNIT_PIXEL, 0, PageResult.PATH_OCR, text, 0.9,
                lowConfidence, List.of(new PageResult.Block(List.of(1.0, 2.0, 3.0, 4.0), List.of(new PageResult.Line(
                        List.of(1.0, 2.0, 3.0, 4.0), List.of(new PageResult.Word(text, List.of(1.0, 2.0, 3.0, 4.0),
                                0.9)))))),
                null, null);
        return event(EventTypes.PAGE_EXTRACTED,
                new PageExtracted(PageExtracted.SCHEMA_VERSION, jobId, tenant, doc(doc), page, pageCount, r));
    }

    String pageFailed(int doc, int page, int pageCount, String code) {
        return event(EventTypes.PAGE_FAILED,
                new PageFailed(PageFailed.SCHEMA_VERSION, jobId, tenant, doc(doc), page, pageCount, code, "x"));
    }

    String documentFailed(int doc, String code) {
        return event(EventTypes.DOCUMENT_FAILED,
                new DocumentFailed(DocumentFailed.SCHEMA_VERSION, jobId, tenant, doc(doc), code, "unreadable"));
    }

    String event(String type, Object data) {
        return json(CloudEvent.of(MAPPER, UUID.randomUUID().toString(), "/inkstream/worker", type, jobId,
                Instant.now(), data));
    }

    static String json(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
