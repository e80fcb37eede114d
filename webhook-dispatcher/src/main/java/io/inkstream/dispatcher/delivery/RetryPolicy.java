package io.inkstream.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The retry schedule: entry n is the delay before attempt n+1; its length is the attempt budget. */
public final class RetryPolicy {

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration maxRetryAfter;

    public RetryPolicy(List<Duration> schedule, double jitter, Duration maxRetryAfter) {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("inkstream.webhooks.retry-schedule must not be empty");
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = Math.max(0, Math.min(jitter, 1));
        this.maxRetryAfter = maxRetryAfter;
    }

    public int maxAttempts() {
        return schedule.size();
    }

    /** Delay before the first attempt. */
    public Duration initialDelay() {
        return schedule.get(0);
    }

    /**
     * When to try again after {@code attemptsMade} failed attempts, or empty when the budget is spent.
     * A receiver's Retry-After wins when it asks for longer than the schedule (capped).
     */
    public Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade >= schedule.size()) {
            return Optional.empty();
        }
        Duration base = schedule.get(attemptsMade);
        long ms = base.toMillis();
        if (ms > 0 && jitter > 0) {
            double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
            ms = Math.max(0, Math.round(ms * factor));
        }
        Duration delay = Duration.ofMillis(ms);
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return Optional.of(delay);
    }

    /** Parses a Retry-After header: delta seconds or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }
}
