package io.inkstream.worker.service;

/** One record for inkstream.results: key (job id), CloudEvent id and type, and the CloudEvent JSON value. */
public record OutgoingResult(String key, String eventId, String type, String json) {
}
