package io.inkstream.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.contracts.Lane;
import io.inkstream.contracts.Topics;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.StoredBlob;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.worker.engine.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

@QuarkusTest
class DocumentConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    BlobStore blobs;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void clear() {
        connector.sink(ResultPublisher.CHANNEL).clear();
    }

    private Message<String> record(String topic, String key, String value, String requestId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
        return Message.of(value).addMetadata(new IncomingKafkaRecordMetadata<>(record, DocumentConsumer.INTERACTIVE));
    }

    @Test
    void givenSubmittedPngOnInteractiveLane_whenConsumed_thenPageExtractedWithRequestIdIsPublished()
            throws Exception {
        StoredBlob blob = blobs.put("tenant-t",
                new ByteArrayInputStream(Fixtures.png(Fixtures.render(1200, 40, "hello from the consumer"))));
        String jobId = Ids.newJobId();
        String docId = Ids.documentId(jobId, 0);
        DocumentSubmitted doc = new DocumentSubmitted(DocumentSubmitted.SCHEMA_VERSION, jobId, docId, "tenant-t",
                true, 0, Lane.INTERACTIVE, "ocr", ExtractionOptions.defaults(), "hello.png", "image/png",
                blob.size(), blob.sha256(), blob.ref().toString(), null, null);

        connector.source(DocumentConsumer.INTERACTIVE)
                .send(record(Topics.DOCUMENTS_INTERACTIVE, docId, mapper.writeValueAsString(doc), "req-123"));

        InMemorySink<String> results = connector.sink(ResultPublisher.CHANNEL);
        await().atMost(Duration.ofSeconds(60)).until(() -> results.received().size() == 1);
        Message<String> out = results.received().get(0);
        CloudEvent event = mapper.readValue(out.getPayload(), CloudEvent.class);
        assertThat(event.type()).isEqualTo(EventTypes.PAGE_EXTRACTED);
        assertThat(event.subject()).isEqualTo(jobId);
        PageExtracted page = event.dataAs(mapper, PageExtracted.class);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.pageCount()).isEqualTo(1);
        assertThat(page.result().text()).contains("consumer");
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> meta = out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(meta.getKey()).isEqualTo(jobId);
        assertThat(new String(meta.getHeaders().lastHeader(KafkaHeaders.REQUEST_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("req-123");
    }

    @Test
    void givenSubmittedDocumentWithMissingBlob_whenConsumed_thenDocumentFailedIsPublished() throws Exception {
        String jobId = Ids.newJobId();
        String docId = Ids.documentId(jobId, 0);
        DocumentSubmitted doc = new DocumentSubmitted(DocumentSubmitted.SCHEMA_VERSION, jobId, docId, "tenant-t",
                true, 0, Lane.INTERACTIVE, "ocr", null, "gone.pdf", "application/pdf", null, null,
                "blob:v1:fs:k1:tenant-t/00/00000000-0000-0000-0000-000000000000", null, null);

        connector.source(DocumentConsumer.INTERACTIVE)
                .send(record(Topics.DOCUMENTS_INTERACTIVE, docId, mapper.writeValueAsString(doc), "req-456"));

        InMemorySink<String> results = connector.sink(ResultPublisher.CHANNEL);
        await().atMost(Duration.ofSeconds(30)).until(() -> results.received().size() == 1);
        List<String> types = results.received().stream()
                .map(m -> readType(m.getPayload())).toList();
        assertThat(types).containsExactly(EventTypes.DOCUMENT_FAILED);
    }

    private String readType(String json) {
        try {
            return mapper.readValue(json, CloudEvent.class).type();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
