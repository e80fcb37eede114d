package io.inkstream.worker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.Json;
import io.inkstream.contracts.Lane;
import io.inkstream.contracts.blob.BlobKeyRing;
import io.inkstream.contracts.blob.FilesystemBlobStore;
import io.inkstream.contracts.blob.StoredBlob;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentFailed;
import io.inkstream.contracts.message.DocumentSplit;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.worker.engine.DocumentExtractor;
import io.inkstream.worker.engine.EngineMetrics;
import io.inkstream.worker.engine.EngineSettings;
import io.inkstream.worker.engine.Fixtures;
import io.inkstream.worker.engine.OcrPool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DocumentProcessorTest {

    private static final String KEYS = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static OcrPool pool;
    private static FilesystemBlobStore blobs;
    private static DocumentProcessor processor;
    private static final CancelledJobs cancelled = new CancelledJobs(1000, java.time.Duration.ofHours(1),
            Clock.systemUTC());

    @BeforeAll
    static void setUp() throws Exception {
        EngineSettings settings = EngineSettings.defaults(Fixtures.TESSDATA);
        pool = new OcrPool(settings.tessdata(), 1, "eng");
        pool.start();
        Path root = Files.createTempDirectory("worker-blobs");
        blobs = new FilesystemBlobStore(root, BlobKeyRing.parse(KEYS, null));
        processor = new DocumentProcessor(blobs,
                new DocumentExtractor(pool, settings, new EngineMetrics(new SimpleMeterRegistry())),
                new ResultEvents(MAPPER, Clock.systemUTC()), 50L * 1024 * 1024, cancelled, 0);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static DocumentSubmitted submitted(String blob, String sha) {
        String jobId = Ids.newJobId();
        return new DocumentSubmitted(DocumentSubmitted.SCHEMA_VERSION, jobId, Ids.documentId(jobId, 0), "tenant-a",
                false, 0, Lane.INTERACTIVE, "ocr", ExtractionOptions.defaults(), "doc", null, null, sha, blob, null,
                null);
    }

    private static List<CloudEvent> process(DocumentSubmitted doc) {
        List<CloudEvent> out = new ArrayList<>();
        processor.process(doc, true, r -> {
            try {
                CloudEvent event = MAPPER.readValue(r.json(), CloudEvent.class);
                assertThat(r.key()).isEqualTo(doc.jobId());
                assertThat(r.eventId()).isEqualTo(event.id());
                out.add(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, task -> {
            throw new IllegalStateException("fan-out is off in this test");
        });
        return out;
    }

    @Test
    void givenTwoPagePdfBlob_whenProcessed_thenSplitThenOnePageExtractedPerPage() throws Exception {
        byte[] pdf = Fixtures.textThenScanPdf("Cover page with born digital text",
                Fixtures.render(1600, 48, "Scanned receipt paid in full"));
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(pdf));
        DocumentSubmitted doc = submitted(blob.ref().toString(), blob.sha256());

        List<CloudEvent> events = process(doc);

        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.DOCUMENT_SPLIT,
                EventTypes.PAGE_EXTRACTED, EventTypes.PAGE_EXTRACTED);
        assertThat(events.get(0).dataAs(MAPPER, DocumentSplit.class).pageCount()).isEqualTo(2);
        PageExtracted second = events.get(2).dataAs(MAPPER, PageExtracted.class);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.pageCount()).isEqualTo(2);
        assertThat(second.result().text()).contains("receipt");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(ResultEvents.SOURCE);
            assertThat(e.subject()).isEqualTo(doc.jobId());
            assertThat(e.time()).isNotNull();
        });
    }

    @Test
    void givenSameDocumentTwice_whenProcessed_thenEventIdsAreIdentical() throws Exception {
        byte[] pdf = Fixtures.textPdf("Deterministic identifiers for redelivered documents");
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(pdf));
        DocumentSubmitted doc = submitted(blob.ref().toString(), blob.sha256());

        List<String> first = process(doc).stream().map(CloudEvent::id).toList();
        List<String> second = process(doc).stream().map(CloudEvent::id).toList();

        assertThat(first).hasSize(1).isEqualTo(second);
        assertThat(first.get(0)).isEqualTo(
                Ids.uuidV5(Ids.NAMESPACE, doc.documentId() + ":page:1:extracted").toString());
    }

    @Test
    void givenCancelledJob_whenProcessed_thenNothingIsPublished() throws Exception {
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(Fixtures.textPdf("cancelled work")));
        DocumentSubmitted doc = submitted(blob.ref().toString(), blob.sha256());
        cancelled.cancel(doc.jobId());

        assertThat(process(doc)).isEmpty();
    }

    @Test
    void givenJobCancelledAfterFirstPage_whenProcessed_thenRemainingPagesAreSkipped() throws Exception {
        byte[] pdf = Fixtures.textThenScanPdf("Cover page with born digital text",
                Fixtures.render(1600, 48, "Never read because the job was cancelled"));
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(pdf));
        DocumentSubmitted doc = submitted(blob.ref().toString(), blob.sha256());
        List<String> types = new ArrayList<>();

        processor.process(doc, false, r -> {
            types.add(r.type());
            if (r.type().equals(EventTypes.PAGE_EXTRACTED)) {
                cancelled.cancel(doc.jobId());
            }
        }, task -> {
            throw new IllegalStateException("fan-out is off in this test");
        });

        assertThat(types).containsExactly(EventTypes.DOCUMENT_SPLIT, EventTypes.PAGE_EXTRACTED);
    }

    @Test
    void givenMissingBlob_whenProcessed_thenOneDocumentFailed() throws Exception {
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(Fixtures.textPdf("gone soon")));
        blobs.delete(blob.ref());

        List<CloudEvent> events = process(submitted(blob.ref().toString(), null));

        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.DOCUMENT_FAILED);
        assertThat(events.get(0).dataAs(MAPPER, DocumentFailed.class).code()).isEqualTo("DOCUMENT_UNREADABLE");
    }

    @Test
    void givenEncryptedPdf_whenProcessed_thenDocumentFailedEncrypted() throws Exception {
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(Fixtures.encryptedPdf("secret")));

        List<CloudEvent> events = process(submitted(blob.ref().toString(), blob.sha256()));

        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.DOCUMENT_FAILED);
        assertThat(events.get(0).dataAs(MAPPER, DocumentFailed.class).code()).isEqualTo("DOCUMENT_ENCRYPTED");
    }

    @Test
    void givenShaMismatch_whenProcessed_thenDocumentFailedUnreadable() throws Exception {
        StoredBlob blob = blobs.put("tenant-a", new ByteArrayInputStream(Fixtures.textPdf("tampered")));

        List<CloudEvent> events = process(submitted(blob.ref().toString(), "00".repeat(32)));

        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.DOCUMENT_FAILED);
    }
}
