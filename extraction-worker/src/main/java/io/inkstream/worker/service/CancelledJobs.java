package io.inkstream.worker.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs cancelled recently (from job.cancelled on inkstream.events), so their remaining documents and pages are
 * skipped. Bounded in size and age: an entry outlives any plausible backlog, then makes room.
 */
public final class CancelledJobs {

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> jobs = new LinkedHashMap<>();

    public CancelledJobs(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
    }

    public synchronized void cancel(String jobId) {
        jobs.remove(jobId);
        jobs.put(jobId, clock.instant());
        evict();
    }

    public synchronized boolean isCancelled(String jobId) {
        evict();
        return jobId != null && jobs.containsKey(jobId);
    }

    private void evict() {
        Instant oldest = clock.instant().minus(ttl);
        Iterator<Map.Entry<String, Instant>> it = jobs.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (jobs.size() > maxEntries || e.getValue().isBefore(oldest)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
