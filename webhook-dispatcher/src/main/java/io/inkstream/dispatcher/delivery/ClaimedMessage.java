package io.inkstream.dispatcher.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message leased to this process until {@code lockedUntil} (also the lease token checked on release).
 * {@code scheduleBase} is the attempt count at the last replay; {@code rateLimit} the endpoint's deliveries/s.
 */
public record ClaimedMessage(UUID id, String eventId, String tenantId, String jobId, String target, UUID endpointId,
        String eventType, String payload, String requestId, int attempts, int scheduleBase, Integer rateLimit,
        OffsetDateTime lockedUntil) {
}
