package io.inkstream.contracts;

/** Record header names every service reads and writes. */
public final class KafkaHeaders {

    /** The originating request's X-Request-Id, carried end to end. */
    public static final String REQUEST_ID = "x-request-id";
    /** Dead-letter reason code. */
    public static final String DLQ_REASON = "dead-letter-reason";
    /** Dead-letter cause message. */
    public static final String DLQ_CAUSE = "dead-letter-cause";

    private KafkaHeaders() {
    }
}
