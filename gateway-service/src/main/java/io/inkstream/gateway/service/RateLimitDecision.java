package io.inkstream.gateway.service;

/** One request's verdict and what the RateLimit headers report; degraded when Redis could not be asked. */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds,
        boolean degraded) {

    /** RateLimit-Policy per draft-ietf-httpapi-ratelimit-headers: quota and window. */
    public String policyHeader() {
        return "\"burst\";q=" + limit + ";w=60";
    }

    /** RateLimit: remaining quota and seconds until it is full again. */
    public String limitHeader() {
        return "\"burst\";r=" + remaining + ";t=" + resetSeconds;
    }
}
