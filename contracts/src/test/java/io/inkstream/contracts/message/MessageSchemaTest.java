package io.inkstream.contracts.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.Json;
import io.inkstream.contracts.Lane;

/** Every message record serialises to JSON that its published JSON Schema accepts. */
class MessageSchemaTest {

    private final ObjectMapper mapper = Json.newMapper();
    private final String jobId = Ids.jobId("tenant-a", "key-1");
    private final String docId = Ids.documentId(jobId, 0);

    @Test
    void givenJobAccepted_whenSerialised_thenSchemaAccepts() {
        JobAccepted job = new JobAccepted(1, jobId, "tenant-a", false, Lane.BATCH, "text",
                ExtractionOptions.defaults(), "https://example.org/hook", Map.of("ref", "42"),
                List.of(new DocumentRef(docId, 0, "a.png", "image/png", 10L, "0".repeat(64),
                        "blob:v1:fs:k1:tenant-a/ab/abc", null)),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(errors("job-accepted", job)).isEmpty();
    }

    @Test
    void givenDocumentSubmitted_whenSerialised_thenLaneIsLowerCaseAndSchemaAccepts() {
        DocumentSubmitted d = new DocumentSubmitted(1, jobId, docId, "tenant-a", false, 0, Lane.INTERACTIVE, "text",
                ExtractionOptions.defaults(), "a.png", "image/png", 10L, "0".repeat(64), "blob:v1:fs:k1:t/ab/c", null,
                Instant.now());
        assertThat(mapper.valueToTree(d).path("lane").asText()).isEqualTo("interactive");
        assertThat(errors("document-submitted", d)).isEmpty();
    }

    @Test
    void givenPageExtractedInCloudEvent_whenSerialised_thenEnvelopeAndDataSchemasAccept() {
        PageResult.Word w = new PageResult.Word("Hello", List.of(1.0, 2.0, 30.0, 12.0), 0.93);
        PageResult result = new PageResult(1, 1200, 300, PageResult.UNIT_PIXEL, 0, PageResult.PATH_OCR, "Hello", 0.93,
                false, List.of(new PageResult.Block(w.bbox(), List.of(new PageResult.Line(w.bbox(), List.of(w))))),
                new PageResult.Timings(1, 2, 3), null);
        PageExtracted data = new PageExtracted(1, jobId, "tenant-a", docId, 1, 1, result);
        CloudEvent event = CloudEvent.of(mapper, "id-1", "/inkstream/extraction-worker", EventTypes.PAGE_EXTRACTED,
                jobId, Instant.now(), data);

        assertThat(errors("cloud-event", event)).isEmpty();
        assertThat(errors("page-extracted", event.data())).isEmpty();
        assertThat(event.dataAs(mapper, PageExtracted.class)).isEqualTo(data);
    }

    @Test
    void givenFailures_whenSerialised_thenSchemasAcceptOnlyKnownCodes() {
        assertThat(errors("page-failed", new PageFailed(1, jobId, "t", docId, 2, 3, "PAGE_TIMEOUT", "slow")))
                .isEmpty();
        assertThat(errors("document-failed", new DocumentFailed(1, jobId, "t", docId, "NO_SUCH_CODE", "x")))
                .isNotEmpty();
    }

    @Test
    void givenLifecycleEventData_whenSerialised_thenSchemaAccepts() {
        JobEventData data = new JobEventData(1, jobId, "t", false, "completed", "text", new Progress(1, 1, 1, 1),
                new JobEventData.DocumentStatus(docId, "completed", null, 1), null, Map.of());
        assertThat(errors("job-event", data)).isEmpty();
    }

    @Test
    void givenEveryEventType_whenAskedForItsSchema_thenTheSchemaResourceExists() {
        for (String type : EventTypes.RESULT_TYPES) {
            assertThat(getClass().getClassLoader().getResource(EventTypes.schemaOf(type))).as(type).isNotNull();
        }
        for (String type : EventTypes.LIFECYCLE_TYPES) {
            assertThat(getClass().getClassLoader().getResource(EventTypes.schemaOf(type))).as(type).isNotNull();
        }
    }

    private Set<ValidationMessage> errors(String schemaName, Object value) {
        JsonNode node = value instanceof JsonNode n ? n : mapper.valueToTree(value);
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("schemas/" + schemaName + ".schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return schema.validate(node);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
