package io.inkstream.worker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
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
import io.inkstream.contracts.message.DocumentSplit;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.contracts.message.PageFailed;
import io.inkstream.contracts.message.PageTask;
import io.inkstream.worker.engine.DocumentExtractor;
import io.inkstream.worker.engine.EngineMetrics;
import io.inkstream.worker.engine.EngineSettings;
import io.inkstream.worker.engine.Fixtures;
import io.inkstream.worker.engine.OcrPool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FanOutTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static OcrPool pool;
    private static FilesystemBlobStore blobs;
    private static DocumentProcessor processor;

    @BeforeAll
    static void setUp() throws Exception {
        EngineSettings settings = EngineSettings.defaults(Fixtures.TESSDATA);
        pool = new OcrPool(settings.tessdata(), 1, "eng");
        pool.start();
        blobs = new FilesystemBlobStore(Files.createTempDirectory("fanout-blobs"),
                BlobKeyRing.parse("k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", null));
        processor = new DocumentProcessor(blobs,
                new DocumentExtractor(pool, settings, new EngineMetrics(new SimpleMeterRegistry())),
                new ResultEvents(MAPPER, Clock.systemUTC()), 50L * 1024 * 1024,
                new CancelledJobs(100, Duration.ofHours(1), Clock.systemUTC()), 1);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static CloudEvent parse(OutgoingResult r) {
        try {
            return MAPPER.readValue(r.json(), CloudEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenDocumentAboveThreshold_whenProcessed_thenSplitAndOnePageTaskPerPageThenEachPageExtracted()
            throws Exception {
        byte[] pdf = Fixtures.textThenScanPdf("Cover page with born digital text",
                Fixtures.render(1600, 48, "Scanned receipt paid in full"));
        StoredBlob blob = blobs.put("tenant-f", new ByteArrayInputStream(pdf));
        String jobId = Ids.newJobId();
        DocumentSubmitted doc = new DocumentSubmitted(DocumentSubmitted.SCHEMA_VERSION, jobId,
                Ids.documentId(jobId, 0), "tenant-f", false, 0, Lane.BATCH, "ocr", ExtractionOptions.defaults(),
                "two.pdf", "application/pdf", blob.size(), blob.sha256(), blob.ref().toString(), null, null);
        List<CloudEvent> results = new ArrayList<>();
        List<PageTask> tasks = new ArrayList<>();

        processor.process(doc, false, r -> results.add(parse(r)), tasks::add);

        assertThat(results).extracting(CloudEvent::type).containsExactly(EventTypes.DOCUMENT_SPLIT);
        assertThat(results.get(0).dataAs(MAPPER, DocumentSplit.class).pageCount()).isEqualTo(2);
        assertThat(tasks).extracting(PageTask::key)
                .containsExactly(doc.documentId() + ":1", doc.documentId() + ":2");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.lane()).isEqualTo(Lane.BATCH);
            assertThat(t.pageCount()).isEqualTo(2);
            assertThat(t.blob()).isEqualTo(doc.blob());
        });

        List<CloudEvent> pages = new ArrayList<>();
        for (PageTask task : tasks) {
            processor.processPage(task, false, r -> pages.add(parse(r)));
        }

        assertThat(pages).extracting(CloudEvent::type)
                .containsExactly(EventTypes.PAGE_EXTRACTED, EventTypes.PAGE_EXTRACTED);
        PageExtracted second = pages.get(1).dataAs(MAPPER, PageExtracted.class);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.pageCount()).isEqualTo(2);
        assertThat(second.result().page()).isEqualTo(2);
        assertThat(second.result().text()).contains("receipt");
        assertThat(pages.get(0).dataAs(MAPPER, PageExtracted.class).result().path()).isEqualTo("text_layer");
        assertThat(pages.get(1).id()).isEqualTo(
                Ids.uuidV5(Ids.NAMESPACE, doc.documentId() + ":page:2:extracted").toString());
    }

    @Test
    void givenPageTaskWhoseBlobIsGone_whenProcessed_thenPageFailed() throws Exception {
        StoredBlob blob = blobs.put("tenant-f", new ByteArrayInputStream(Fixtures.textPdf("soon deleted")));
        blobs.delete(blob.ref());
        String jobId = Ids.newJobId();
        PageTask task = new PageTask(PageTask.SCHEMA_VERSION, jobId, Ids.documentId(jobId, 0), "tenant-f", false,
                Lane.INTERACTIVE, "ocr", null, "application/pdf", blob.ref().toString(), 3, 5);
        List<CloudEvent> pages = new ArrayList<>();

        processor.processPage(task, true, r -> pages.add(parse(r)));

        assertThat(pages).extracting(CloudEvent::type).containsExactly(EventTypes.PAGE_FAILED);
        PageFailed failed = pages.get(0).dataAs(MAPPER, PageFailed.class);
        assertThat(failed.page()).isEqualTo(3);
        assertThat(failed.pageCount()).isEqualTo(5);
        assertThat(failed.code()).isEqualTo("DOCUMENT_UNREADABLE");
    }
}
