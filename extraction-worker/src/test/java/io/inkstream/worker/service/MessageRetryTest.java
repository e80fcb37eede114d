package io.inkstream.worker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.Json;
import io.inkstream.contracts.Lane;
import io.inkstream.contracts.blob.BlobKeyRing;
import io.inkstream.contracts.blob.FilesystemBlobStore;
import io.inkstream.contracts.blob.StoredBlob;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.worker.engine.DocumentExtractor;
import io.inkstream.worker.engine.EngineMetrics;
import io.inkstream.worker.engine.EngineSettings;
import io.inkstream.worker.engine.Fixtures;
import io.inkstream.worker.engine.OcrPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MessageRetryTest {

    private static final String KEYS = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static OcrPool pool;
    private static FlakyBlobStore blobs;
    private static DocumentProcessor processor;

    @BeforeAll
    static void setUp() throws Exception {
        EngineSettings settings = EngineSettings.defaults(Fixtures.TESSDATA);
        pool = new OcrPool(settings.tessdata(), 1, "eng");
        pool.start();
        blobs = new FlakyBlobStore(new FilesystemBlobStore(Files.createTempDirectory("retry-blobs"),
                BlobKeyRing.parse(KEYS, null)));
        processor = new DocumentProcessor(blobs,
                new DocumentExtractor(pool, settings, new EngineMetrics(new SimpleMeterRegistry())),
                new ResultEvents(Json.newMapper(), Clock.systemUTC()), 50L * 1024 * 1024,
                new CancelledJobs(100, Duration.ofHours(1), Clock.systemUTC()), 0);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static DocumentSubmitted submitted(byte[] bytes) throws Exception {
        StoredBlob blob = blobs.put("tenant-r", new ByteArrayInputStream(bytes));
        String jobId = Ids.newJobId();
        return new DocumentSubmitted(DocumentSubmitted.SCHEMA_VERSION, jobId, Ids.documentId(jobId, 0), "tenant-r",
                false, 0, Lane.BATCH, "ocr", ExtractionOptions.defaults(), "doc", null, null, blob.sha256(),
                blob.ref().toString(), null, null);
    }

    private static double count(SimpleMeterRegistry registry, String outcome) {
        Counter c = registry.find("worker.message.retries").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void givenProcessingThatThrowsTwice_whenRun_thenThirdAttemptPublishesExactlyOneResult() throws Exception {
        DocumentSubmitted doc = submitted(Fixtures.textPdf("Retried until the blob store answers"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MessageRetry retry = new MessageRetry(3, Duration.ofMillis(1), registry);
        List<String> types = new ArrayList<>();
        blobs.failNextOpens(2);

        retry.run("document", () -> processor.process(doc, false, r -> types.add(r.type()), t -> {
        }));

        assertThat(blobs.opens()).isEqualTo(3);
        assertThat(types).containsExactly(EventTypes.PAGE_EXTRACTED);
        assertThat(count(registry, "recovered")).isEqualTo(1.0);
    }

    @Test
    void givenProcessingThatAlwaysThrows_whenRun_thenGivesUpAfterMaxAttemptsWithTheReason() throws Exception {
        DocumentSubmitted doc = submitted(Fixtures.textPdf("Never readable"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MessageRetry retry = new MessageRetry(3, Duration.ofMillis(1), registry);
        List<String> types = new ArrayList<>();
        blobs.failNextOpens(Integer.MAX_VALUE);

        assertThatThrownBy(() -> retry.run("document " + doc.documentId(),
                () -> processor.process(doc, false, r -> types.add(r.type()), t -> {
                })))
                .isInstanceOf(MessageRetry.AttemptsExhaustedException.class)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("simulated blob store glitch");
        assertThat(blobs.opens()).isEqualTo(3);
        assertThat(types).isEmpty();
        assertThat(count(registry, "exhausted")).isEqualTo(1.0);
        blobs.failNextOpens(0);
    }

    @Test
    void givenDocumentFailureWithErrorCode_whenRun_thenAnsweredOnceWithoutRetry() throws Exception {
        DocumentSubmitted doc = submitted(Fixtures.encryptedPdf("locked"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MessageRetry retry = new MessageRetry(3, Duration.ofMillis(1), registry);
        List<String> types = new ArrayList<>();
        blobs.failNextOpens(0);

        retry.run("document", () -> processor.process(doc, false, r -> types.add(r.type()), t -> {
        }));

        assertThat(blobs.opens()).isEqualTo(1);
        assertThat(types).containsExactly(EventTypes.DOCUMENT_FAILED);
        assertThat(registry.find("worker.message.retries").counters()).isEmpty();
    }
}
