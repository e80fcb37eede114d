package io.inkstream.contracts;

import java.util.Map;

/** Kafka topic names and their default partition counts, the single source for every service. */
public final class Topics {

    public static final String JOBS = "inkstream.jobs";
    public static final String DOCUMENTS = "inkstream.documents";
    public static final String DOCUMENTS_INTERACTIVE = "inkstream.documents.interactive";
    public static final String PAGES = "inkstream.pages";
    public static final String PAGES_INTERACTIVE = "inkstream.pages.interactive";
    public static final String RESULTS = "inkstream.results";
    public static final String EVENTS = "inkstream.events";
    public static final String DLQ_SUFFIX = ".dlq";

    /** Default partitions per topic (DESIGN.md); dead-letter topics get one each. */
    public static final Map<String, Integer> DEFAULT_PARTITIONS = Map.of(
            JOBS, 6,
            DOCUMENTS, 12,
            DOCUMENTS_INTERACTIVE, 6,
            PAGES, 12,
            PAGES_INTERACTIVE, 6,
            RESULTS, 6,
            EVENTS, 6);

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
