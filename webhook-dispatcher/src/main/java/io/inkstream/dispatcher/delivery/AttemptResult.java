package io.inkstream.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one HTTP attempt produced. */
public record AttemptResult(Instant at, Integer statusCode, long latencyMs, String responseExcerpt, String error,
        Kind kind, Optional<Duration> retryAfter) {

    /** How the attempt ended, which decides what happens to the message next. */
    public enum Kind {
        /** 2xx. */
        SUCCESS,
        /** Retry on schedule: 3xx, 4xx other than 410, 5xx, timeouts, connection errors, DNS failures. */
        RETRYABLE,
        /** Never retry: 410 Gone or a target the SSRF guard refused. */
        PERMANENT
    }

    public String outcome() {
        return switch (kind) {
            case SUCCESS -> "success";
            case RETRYABLE -> "failure";
            case PERMANENT -> "rejected";
        };
    }
}
