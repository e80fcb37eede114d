package io.inkstream.gateway.service;

/**
 * The token-bucket arithmetic, shared by the Redis script (which mirrors it in Lua) and the local fallback:
 * {@code burst} tokens at most, refilled at {@code perMinute} tokens a minute.
 */
public final class TokenBucket {

    private double tokens;
    private long lastMillis;

    public TokenBucket(int burst, long nowMillis) {
        this.tokens = burst;
        this.lastMillis = nowMillis;
    }

    public synchronized RateLimitDecision take(int perMinute, int burst, long nowMillis) {
        double ratePerMs = perMinute / 60_000.0;
        tokens = Math.min(burst, tokens + Math.max(0, nowMillis - lastMillis) * ratePerMs);
        lastMillis = nowMillis;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long retryAfter = allowed ? 0 : (long) Math.ceil((1 - tokens) / ratePerMs / 1000.0);
        long reset = (long) Math.ceil((burst - tokens) / ratePerMs / 1000.0);
        return new RateLimitDecision(allowed, burst, (int) Math.floor(tokens), reset, retryAfter, true);
    }
}
