package io.inkstream.gateway.service;

import java.util.List;

/** A job the gateway acknowledged (or found already acknowledged for the same idempotency key). */
public record AcceptedJob(String jobId, List<String> documentIds, boolean replayed) {
}
