package io.inkstream.gateway.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Jobs this replica acknowledged in the last moments. The result-store learns of a job through Kafka a few
 * milliseconds after the 202; a GET in that window answers "queued" from here instead of a false 404.
 */
@ApplicationScoped
public class RecentJobs {

    static final Duration KEEP = Duration.ofMinutes(2);
    static final int MAX = 10_000;

    /** What is known of a just-accepted job. */
    public record Recent(String tenantId, String type, List<String> documentIds, Instant acceptedAt) {
    }

    private final Map<String, Recent> jobs = new ConcurrentHashMap<>();

    public void remember(String jobId, Recent recent) {
        if (jobs.size() >= MAX) {
            evictExpired();
        }
        if (jobs.size() < MAX) {
            jobs.put(jobId, recent);
        }
    }

    public Recent find(String tenantId, String jobId) {
        Recent r = jobs.get(jobId);
        if (r == null || !r.tenantId().equals(tenantId) || r.acceptedAt().plus(KEEP).isBefore(Instant.now())) {
            return null;
        }
        return r;
    }

    /** A deleted job must not come back as "queued" from here. */
    public void forget(String jobId) {
        jobs.remove(jobId);
    }

    private void evictExpired() {
        Instant cutoff = Instant.now().minus(KEEP);
        for (Iterator<Recent> it = jobs.values().iterator(); it.hasNext();) {
            if (it.next().acceptedAt().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
