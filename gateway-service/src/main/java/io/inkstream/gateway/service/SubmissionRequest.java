package io.inkstream.gateway.service;

import java.util.List;
import java.util.Map;

import io.inkstream.contracts.Lane;
import io.inkstream.contracts.message.ExtractionOptions;

/** A validated submission: who, what, which lane, and the optional idempotency key and test fault. */
public record SubmissionRequest(Tenant tenant, List<Upload> uploads, String type, ExtractionOptions options,
        String webhookUrl, Map<String, String> metadata, Lane lane, String idempotencyKey, String requestId,
        boolean abortPublication) {
}
