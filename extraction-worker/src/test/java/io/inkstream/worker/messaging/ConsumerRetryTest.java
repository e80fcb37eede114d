package io.inkstream.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
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
import io.inkstream.worker.engine.Fixtures;
import io.inkstream.worker.service.FlakyBlobStore;
import io.inkstream.worker.service.MessageRetry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

@QuarkusTest
class ConsumerRetryTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    BlobStore blobs;

    @Inject
    ObjectMapper mapper;

    @Inject
    MessageRetry retry;

    private final AtomicBoolean acked = new AtomicBoolean();
    private final AtomicReference<Throwable> nacked = new AtomicReference<>();

    @BeforeEach
    void clear() {
        connector.sink(ResultPublisher.CHANNEL).clear();
    }

    @AfterEach
    void heal() {
        ((FlakyBlobStore) blobs).failNextOpens(0);
    }

    private Message<String> record(String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.REQUEST_ID, "req-retry".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.DOCUMENTS, 0, 0L,
                System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1, "k", value, headers, Optional.empty());
        return Message.of(value, Metadata.of(new IncomingKafkaRecordMetadata<>(record, DocumentConsumer.BATCH)),
                () -> {
                    acked.set(true);
                    return CompletableFuture.completedFuture(null);
                }, t -> {
                    nacked.set(t);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private String submitted() throws Exception {
        StoredBlob blob = blobs.put("tenant-r",
                new ByteArrayInputStream(Fixtures.textPdf("A document the blob store hiccups on")));
        String jobId = Ids.newJobId();
        DocumentSubmitted doc = new DocumentSubmitted(DocumentSubmitted.SCHEMA_VERSION, jobId,
                Ids.documentId(jobId, 0), "tenant-r", false, 0, Lane.BATCH, "ocr", ExtractionOptions.defaults(),
                "doc.pdf", "application/pdf", blob.size(), blob.sha256(), blob.ref().toString(), null, null);
        return mapper.writeValueAsString(doc);
    }

    @Test
    void givenProcessingThatThrowsTwice_whenConsumed_thenExactlyOneResultAndTheRecordIsAcked() throws Exception {
        String json = submitted();
        FlakyBlobStore flaky = (FlakyBlobStore) blobs;
        flaky.failNextOpens(2);

        connector.source(DocumentConsumer.BATCH).send(record(json));

        InMemorySink<String> results = connector.sink(ResultPublisher.CHANNEL);
        await().atMost(Duration.ofSeconds(30)).until(acked::get);
        assertThat(nacked.get()).isNull();
        assertThat(flaky.opens()).isEqualTo(3);
        assertThat(results.received()).hasSize(1);
        assertThat(mapper.readValue(results.received().get(0).getPayload(), CloudEvent.class).type())
                .isEqualTo(EventTypes.PAGE_EXTRACTED);
    }

    @Test
    void givenProcessingThatAlwaysThrows_whenConsumed_thenNackedForTheDeadLetterTopicAfterMaxAttempts()
            throws Exception {
        String json = submitted();
        FlakyBlobStore flaky = (FlakyBlobStore) blobs;
        flaky.failNextOpens(Integer.MAX_VALUE);

        connector.source(DocumentConsumer.BATCH).send(record(json));

        await().atMost(Duration.ofSeconds(30)).until(() -> nacked.get() != null);
        assertThat(flaky.opens()).isEqualTo(retry.maxAttempts()).isEqualTo(3);
        // The connector's dead-letter strategy writes this message as the dead-letter-reason header.
        assertThat(nacked.get()).isInstanceOf(MessageRetry.AttemptsExhaustedException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("simulated blob store glitch");
        assertThat(acked.get()).isFalse();
        assertThat(connector.sink(ResultPublisher.CHANNEL).received()).isEmpty();
    }
}
