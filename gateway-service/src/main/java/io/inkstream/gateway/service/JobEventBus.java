package io.inkstream.gateway.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

/** Live lifecycle events of jobs that someone is watching (SSE), fanned out from the event listener. */
@ApplicationScoped
public class JobEventBus {

    /** One lifecycle event as it arrived: CloudEvents id and type, and the raw JSON. */
    public record JobEvent(String id, String type, String json) {
    }

    private final Map<String, Set<Consumer<JobEvent>>> watchers = new ConcurrentHashMap<>();

    public Runnable watch(String jobId, Consumer<JobEvent> watcher) {
        watchers.computeIfAbsent(jobId, k -> new CopyOnWriteArraySet<>()).add(watcher);
        return () -> watchers.computeIfPresent(jobId, (k, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    public void publish(String jobId, JobEvent event) {
        Set<Consumer<JobEvent>> set = watchers.get(jobId);
        if (set != null) {
            set.forEach(w -> w.accept(event));
        }
    }
}
