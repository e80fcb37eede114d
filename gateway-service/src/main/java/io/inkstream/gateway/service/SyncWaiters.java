package io.inkstream.gateway.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Sync requests waiting for their job's final lifecycle event, by job id. */
@ApplicationScoped
public class SyncWaiters {

    private final ConcurrentMap<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

    /** Registered before the job is published, so a fast completion cannot slip past. */
    public CompletableFuture<String> register(String jobId) {
        return waiting.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    }

    public void complete(String jobId, String eventType) {
        CompletableFuture<String> f = waiting.remove(jobId);
        if (f != null) {
            f.complete(eventType);
        }
    }

    public void forget(String jobId) {
        waiting.remove(jobId);
    }
}
