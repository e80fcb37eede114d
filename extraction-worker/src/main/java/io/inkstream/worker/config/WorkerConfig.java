package io.inkstream.worker.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The worker's typed configuration (prefix {@code inkstream}); env vars map by Quarkus' usual rules. */
@ConfigMapping(prefix = "inkstream")
public interface WorkerConfig {

    /** Unique per process (INKSTREAM_INSTANCE_ID, default the host name); names this instance's events group. */
    @WithDefault("local")
    String instanceId();

    /** Claim-check blob store settings (shared with the gateway and result-store). */
    Blob blob();

    /** OCR and PDF engine settings. */
    Worker worker();

    /** Blob store: folder and encryption keys. */
    interface Blob {
        /** Shared blob folder (INKSTREAM_BLOB_ROOT). */
        @WithDefault("/var/tmp/inkstream/blobs")
        String root();

        /** Keys as {@code id:base64-32-bytes[,id2:...]} (INKSTREAM_BLOB_KEYS); no default in prod. */
        String keys();

        /** Key id for new blobs (INKSTREAM_BLOB_PRIMARY_KEY); the worker only reads, so this rarely matters. */
        Optional<String> primaryKey();
    }

    /** Engine tuning. */
    interface Worker {
        /** Folder with *.traineddata (application.properties maps it from TESSDATA_PREFIX). */
        @WithDefault("/usr/share/tesseract-ocr/5/tessdata")
        String tessdata();

        /** OCR handles, i.e. concurrent recognitions; default: the CPU count. */
        OptionalInt poolSize();

        /** Languages when a document does not ask for any. */
        @WithDefault("eng")
        String defaultLanguages();

        /** Per-page OCR limit, enforced by Tesseract's own monitor deadline. */
        @WithDefault("60s")
        Duration pageTimeout();

        /** DPI for rendering PDF pages without a usable text layer. */
        @WithDefault("300")
        int renderDpi();

        /** Pixel budget for one OCRed page: larger images are subsampled, PDF pages rendered at a lower DPI. */
        @WithDefault("40000000")
        long maxOcrPixels();

        /** Images whose header claims more pixels than this fail with DOCUMENT_TOO_LARGE before decoding. */
        @WithDefault("250000000")
        long maxImagePixels();

        /** Pages per document above which it fails with TOO_MANY_PAGES. */
        @WithDefault("2000")
        int maxPages();

        /** Letters/digits a PDF page's text layer needs to be trusted when the page also holds images. */
        @WithDefault("10")
        int textLayerMinChars();

        /** Mean word confidence below which an OCRed page is flagged low_confidence. */
        @WithDefault("0.6")
        double lowConfidenceThreshold();

        /** Documents larger than this fail with DOCUMENT_TOO_LARGE (the gateway's limit, checked again). */
        @WithDefault("52428800")
        long maxDocumentBytes();

        /** OSD confidence below which a page is read as it is (no 90/180/270 correction). */
        @WithDefault("2.0")
        float minOrientationConfidence();

        /** Documents with more pages than this are split into PageTasks on inkstream.pages[.interactive]; 0 = never. */
        @WithDefault("4")
        int fanOutPages();

        /** Attempts per document/page message whose processing throws unexpectedly, before it is dead-lettered. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause before the second attempt; it doubles for each further attempt, capped at 2 s. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Documents in flight per lane (smallrye.messaging.worker.*-lane.max-concurrency reads this). */
        @WithDefault("2")
        int laneConcurrency();
    }
}
