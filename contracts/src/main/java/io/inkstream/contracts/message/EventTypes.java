package io.inkstream.contracts.message;

import java.util.List;

/** CloudEvents types on inkstream.results (worker output) and inkstream.events (lifecycle). */
public final class EventTypes {

    public static final String DOCUMENT_SPLIT = "document.split";
    public static final String PAGE_EXTRACTED = "page.extracted";
    public static final String PAGE_FAILED = "page.failed";
    public static final String DOCUMENT_FAILED = "document.failed";

    public static final String JOB_ACCEPTED = "job.accepted";
    public static final String JOB_PROGRESS = "job.progress";
    public static final String EXTRACTION_COMPLETED = "extraction.completed";
    public static final String EXTRACTION_NEEDS_REVIEW = "extraction.needs_review";
    public static final String EXTRACTION_FAILED = "extraction.failed";
    public static final String JOB_COMPLETED = "job.completed";
    public static final String JOB_CANCELLED = "job.cancelled";

    public static final List<String> RESULT_TYPES = List.of(DOCUMENT_SPLIT, PAGE_EXTRACTED, PAGE_FAILED,
            DOCUMENT_FAILED);
    public static final List<String> LIFECYCLE_TYPES = List.of(JOB_ACCEPTED, JOB_PROGRESS, EXTRACTION_COMPLETED,
            EXTRACTION_NEEDS_REVIEW, EXTRACTION_FAILED, JOB_COMPLETED, JOB_CANCELLED);

    private EventTypes() {
    }

    /** The JSON Schema (classpath resource under /schemas) that an event's data follows. */
    public static String schemaOf(String type) {
        return switch (type) {
            case DOCUMENT_SPLIT -> "schemas/document-split.schema.json";
            case PAGE_EXTRACTED -> "schemas/page-extracted.schema.json";
            case PAGE_FAILED -> "schemas/page-failed.schema.json";
            case DOCUMENT_FAILED -> "schemas/document-failed.schema.json";
            default -> "schemas/job-event.schema.json";
        };
    }
}
