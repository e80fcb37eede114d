package io.inkstream.dispatcher.delivery;

import java.time.Duration;

/**
 * Isolation for one endpoint: a concurrency limit, an optional rate limit (token bucket, deliveries/s) and a
 * circuit breaker (opens after N consecutive failures, lets one trial through after the open period). A dead
 * endpoint therefore holds at most its own few delivery slots and never delays the others.
 */
public final class EndpointGuard {

    private final int maxConcurrent;
    private final int failureThreshold;
    private final long openNanos;
    private final long busyNanos;

    private int inFlight;
    private int consecutiveFailures;
    private long openUntil;
    private boolean trialInFlight;
    private double tokens = -1;
    private long lastRefill;

    public EndpointGuard(int maxConcurrent, int failureThreshold, Duration open, Duration busy) {
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = open.toNanos();
        this.busyNanos = busy.toNanos();
    }

    /**
     * Takes a delivery slot: null when granted (call {@link #release} afterwards), otherwise how long to wait.
     * {@code ratePerSecond} null or non-positive means unlimited.
     */
    public synchronized Duration tryAcquire(long nowNanos, Integer ratePerSecond) {
        boolean breakerTripped = consecutiveFailures >= failureThreshold;
        if (breakerTripped && nowNanos < openUntil) {
            return Duration.ofNanos(openUntil - nowNanos);
        }
        if (breakerTripped && trialInFlight) {
            return Duration.ofNanos(busyNanos);
        }
        if (inFlight >= maxConcurrent) {
            return Duration.ofNanos(busyNanos);
        }
        if (ratePerSecond != null && ratePerSecond > 0) {
            refill(nowNanos, ratePerSecond);
            if (tokens < 1) {
                return Duration.ofNanos((long) ((1 - tokens) * 1_000_000_000L / ratePerSecond) + 1);
            }
            tokens -= 1;
        }
        if (breakerTripped) {
            trialInFlight = true;
        }
        inFlight++;
        return null;
    }

    /** Returns the slot; {@code failed} feeds the breaker, {@code counts} false for outcomes that say nothing. */
    public synchronized void release(long nowNanos, boolean counts, boolean failed) {
        inFlight = Math.max(0, inFlight - 1);
        boolean wasTrial = trialInFlight;
        trialInFlight = false;
        if (!counts) {
            return;
        }
        if (!failed) {
            consecutiveFailures = 0;
            openUntil = 0;
            return;
        }
        consecutiveFailures++;
        if (wasTrial || consecutiveFailures >= failureThreshold) {
            openUntil = nowNanos + openNanos;
        }
    }

    public synchronized boolean isOpen(long nowNanos) {
        return consecutiveFailures >= failureThreshold && nowNanos < openUntil;
    }

    private void refill(long nowNanos, int rate) {
        double capacity = Math.max(1, rate);
        if (tokens < 0) {
            tokens = capacity;
            lastRefill = nowNanos;
            return;
        }
        double added = (nowNanos - lastRefill) / 1_000_000_000.0 * rate;
        tokens = Math.min(capacity, tokens + added);
        lastRefill = nowNanos;
    }
}
