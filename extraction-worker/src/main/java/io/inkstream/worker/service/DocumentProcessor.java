package io.inkstream.worker.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;

import org.jboss.logging.Logger;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.Lane;
import io.inkstream.contracts.blob.BlobNotFoundException;
import io.inkstream.contracts.blob.BlobRef;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.PageResult;
import io.inkstream.contracts.message.PageTask;
import io.inkstream.worker.engine.DocumentExtractor;
import io.inkstream.worker.engine.ExtractionException;
import io.inkstream.worker.engine.PageSink;

/**
 * Turns one DocumentSubmitted into results: reads the blob, extracts, and sends document.split (several pages),
 * page.extracted / page.failed per page, or one document.failed. Every document ends in results; only a failure to
 * publish escapes (the message is then redelivered or dead-lettered).
 */
public final class DocumentProcessor {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class);

    private final BlobStore blobs;
    private final DocumentExtractor extractor;
    private final ResultEvents events;
    private final long maxDocumentBytes;
    private final CancelledJobs cancelled;
    private final int fanOutPages;

    /** fanOutPages: documents with more pages are split into PageTasks (0 disables fan-out). */
    public DocumentProcessor(BlobStore blobs, DocumentExtractor extractor, ResultEvents events,
            long maxDocumentBytes, CancelledJobs cancelled, int fanOutPages) {
        this.blobs = blobs;
        this.extractor = extractor;
        this.events = events;
        this.maxDocumentBytes = maxDocumentBytes;
        this.cancelled = cancelled;
        this.fanOutPages = fanOutPages;
    }

    /** Thrown when results could not be published; the incoming message must not be acknowledged. */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(RuntimeException cause) {
            super("publishing a result failed", cause);
        }
    }

    /**
     * Extracts the document here, or, above the fan-out threshold, publishes document.split and one PageTask per
     * page (on the same lane) for any worker to pick up.
     */
    public void process(DocumentSubmitted doc, boolean interactive, ResultSink sink, PageTaskSink tasks) {
        ResultEvents.Subject subject = new ResultEvents.Subject(doc.jobId(), doc.tenantId(), doc.documentId());
        if (cancelled.isCancelled(doc.jobId())) {
            // The result-store already closed the job as cancelled; results would only be noise.
            LOG.infof("document %s of cancelled job %s skipped", doc.documentId(), doc.jobId());
            return;
        }
        long start = System.nanoTime();
        byte[] bytes;
        try {
            bytes = read(doc.blob(), doc.sha256());
            if (fanOutPages > 0 && fanOut(doc, bytes, interactive, sink, tasks)) {
                return;
            }
        } catch (ExtractionException e) {
            LOG.infof("document %s of job %s failed before extraction: %s", doc.documentId(), doc.jobId(),
                    e.code());
            send(sink, events.documentFailed(subject, e.code(), e.getMessage()));
            return;
        }
        Tracker tracker = new Tracker(subject, sink);
        try {
            extractor.extract(bytes, doc.options(), interactive, tracker);
        } catch (PublishFailedException e) {
            throw e;
        } catch (ExtractionException e) {
            tracker.finishWith(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure extracting document %s of job %s", doc.documentId(), doc.jobId());
            tracker.finishWith(ErrorCode.INTERNAL, "unexpected engine failure");
        }
        LOG.infof("document %s of job %s: %d pages, %d failed, %d ms%s", doc.documentId(), doc.jobId(),
                tracker.count, tracker.failed, (System.nanoTime() - start) / 1_000_000,
                tracker.stopped ? " (job cancelled, remaining pages skipped)" : "");
    }

    private boolean fanOut(DocumentSubmitted doc, byte[] bytes, boolean interactive, ResultSink sink,
            PageTaskSink tasks) {
        int count = extractor.pageCount(bytes, doc.options());
        if (count <= fanOutPages) {
            return false;
        }
        ResultEvents.Subject subject = new ResultEvents.Subject(doc.jobId(), doc.tenantId(), doc.documentId());
        send(sink, events.split(subject, count));
        Lane lane = interactive ? Lane.INTERACTIVE : Lane.BATCH;
        for (int page = 1; page <= count && !cancelled.isCancelled(doc.jobId()); page++) {
            PageTask task = new PageTask(PageTask.SCHEMA_VERSION, doc.jobId(), doc.documentId(), doc.tenantId(),
                    doc.test(), lane, doc.type(), doc.options(), doc.mediaType(), doc.blob(), page, count);
            try {
                tasks.send(task);
            } catch (RuntimeException e) {
                throw new PublishFailedException(e);
            }
        }
        LOG.infof("document %s of job %s fanned out into %d page tasks", doc.documentId(), doc.jobId(), count);
        return true;
    }

    /** Extracts one page of a fanned-out document: page.extracted or page.failed, never silence. */
    public void processPage(PageTask task, boolean interactive, ResultSink sink) {
        ResultEvents.Subject subject = new ResultEvents.Subject(task.jobId(), task.tenantId(), task.documentId());
        if (cancelled.isCancelled(task.jobId())) {
            LOG.debugf("page %d of document %s of cancelled job %s skipped", task.page(), task.documentId(),
                    task.jobId());
            return;
        }
        OutgoingResult outcome;
        try {
            byte[] bytes = read(task.blob(), null);
            PageResult result = extractor.extractPage(bytes, task.options(), task.page(), interactive);
            outcome = events.pageExtracted(subject, task.page(), task.pageCount(), result);
        } catch (ExtractionException e) {
            outcome = events.pageFailed(subject, task.page(), task.pageCount(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure on page %d of document %s", task.page(), task.documentId());
            outcome = events.pageFailed(subject, task.page(), task.pageCount(), ErrorCode.INTERNAL,
                    "unexpected engine failure");
        }
        send(sink, outcome);
    }

    private byte[] read(String blob, String expectedSha256) {
        if (blob == null || blob.isBlank()) {
            throw new ExtractionException(ErrorCode.INVALID_REQUEST, "the document has no blob reference");
        }
        BlobRef ref;
        try {
            ref = BlobRef.parse(blob);
        } catch (IllegalArgumentException e) {
            throw new ExtractionException(ErrorCode.INVALID_REQUEST, "the blob reference is malformed");
        }
        try (InputStream in = blobs.open(ref)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > maxDocumentBytes) {
                    throw new ExtractionException(ErrorCode.DOCUMENT_TOO_LARGE,
                            "the document is larger than " + maxDocumentBytes + " bytes");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
            if (expectedSha256 != null
                    && !expectedSha256.equalsIgnoreCase(HexFormat.of().formatHex(sha.digest()))) {
                throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE,
                        "the stored bytes do not match the document's SHA-256");
            }
            return out.toByteArray();
        } catch (BlobNotFoundException e) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the document's bytes are gone", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the document's bytes cannot be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }

    private static void send(ResultSink sink, OutgoingResult result) {
        try {
            sink.send(result);
        } catch (RuntimeException e) {
            throw new PublishFailedException(e);
        }
    }

    /** Publishes pages as they finish and remembers which were reported, so a late failure closes the rest. */
    private final class Tracker implements PageSink {
        private final ResultEvents.Subject subject;
        private final ResultSink sink;
        private final BitSet reported = new BitSet();
        private int count;
        private int failed;
        private boolean stopped;

        Tracker(ResultEvents.Subject subject, ResultSink sink) {
            this.subject = subject;
            this.sink = sink;
        }

        @Override
        public void pageCount(int pages) {
            count = pages;
            if (pages > 1) {
                send(sink, events.split(subject, pages));
            }
        }

        @Override
        public void page(int page, PageResult result) {
            send(sink, events.pageExtracted(subject, page, count, result));
            reported.set(page);
        }

        @Override
        public void pageFailed(int page, ErrorCode code, String message) {
            send(sink, events.pageFailed(subject, page, count, code, message));
            reported.set(page);
            failed++;
        }

        @Override
        public boolean wantsMore() {
            if (cancelled.isCancelled(subject.jobId())) {
                stopped = true;
            }
            return !stopped;
        }

        /** Before the page count is known the whole document failed; after it, the unreported pages did. */
        void finishWith(ErrorCode code, String message) {
            if (count == 0) {
                send(sink, events.documentFailed(subject, code, message));
                return;
            }
            for (int page = 1; page <= count && !stopped; page++) {
                if (!reported.get(page)) {
                    pageFailed(page, code, message);
                }
            }
        }
    }
}
