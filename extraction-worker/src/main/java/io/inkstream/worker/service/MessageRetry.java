package io.inkstream.worker.service;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.inkstream.worker.engine.ExtractionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the processing of one message up to maxAttempts times when it throws unexpectedly (a glitch in the blob store
 * or a publish failure), sleeping a short doubling backoff between attempts; what still fails is thrown for the
 * connector to dead-letter. An {@link ExtractionException} carries an ErrorCode: it is an answer, never retried.
 */
public final class MessageRetry {

    private static final Logger LOG = Logger.getLogger(MessageRetry.class);
    /** Upper bound of one pause, so a lane thread is never parked for long. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final int maxAttempts;
    private final Duration backoff;
    private final MeterRegistry registry;

    public MessageRetry(int maxAttempts, Duration backoff, MeterRegistry registry) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff.isNegative() ? Duration.ZERO : backoff;
        this.registry = registry;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Thrown after the last attempt; its message becomes the dead-letter reason header. */
    public static final class AttemptsExhaustedException extends RuntimeException {
        AttemptsExhaustedException(String what, int attempts, RuntimeException last) {
            super(what + " failed after " + attempts + " attempts: " + last, last);
        }
    }

    /** Runs work; what identifies the message in logs and the dead-letter reason (ids only, never content). */
    public void run(String what, Runnable work) {
        long pauseMs = backoff.toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                work.run();
                if (attempt > 1) {
                    count("recovered");
                }
                return;
            } catch (ExtractionException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    count("exhausted");
                    LOG.errorf(e, "%s failed %d times, dead-lettering it", what, attempt);
                    throw new AttemptsExhaustedException(what, attempt, e);
                }
                LOG.warnf("%s failed (attempt %d of %d), retrying in %d ms: %s", what, attempt, maxAttempts,
                        pauseMs, e.toString());
                pause(pauseMs, e);
                pauseMs = Math.min(MAX_BACKOFF.toMillis(), Math.max(1, pauseMs * 2));
            }
        }
    }

    private static void pause(long ms, RuntimeException failure) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ie) {
            // Shutting down: stop retrying and let the connector decide about the message.
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private void count(String outcome) {
        Counter.builder("worker.message.retries").description("messages that needed more than one attempt")
                .tags("outcome", outcome).register(registry).increment();
    }
}
