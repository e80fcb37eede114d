package io.inkstream.dispatcher.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.inkstream.dispatcher.delivery.AttemptResult;
import io.inkstream.dispatcher.delivery.ClaimedMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The delivery hot path in plain SQL on the reactive pool: idempotent inserts (ON CONFLICT), lease claims
 * (UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING) and lease-checked result writes, each one short transaction.
 * Plain SQL because JPQL has neither ON CONFLICT nor SKIP LOCKED, and no ORM session is needed off a request.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String CLAIM = """
            UPDATE dispatcher.messages m
               SET locked_until = now() + ($1 * interval '1 millisecond')
             WHERE m.id IN (SELECT q.id FROM dispatcher.messages q
                             WHERE q.status = 'pending' AND q.next_attempt_at <= now()
                               AND (q.locked_until IS NULL OR q.locked_until < now())
                               AND (q.endpoint_id IS NULL OR EXISTS (SELECT 1 FROM dispatcher.endpoints e
                                                                      WHERE e.id = q.endpoint_id AND e.enabled))
                             ORDER BY q.next_attempt_at
                             FOR UPDATE SKIP LOCKED
                             LIMIT $2)
            RETURNING m.id, m.event_id, m.tenant_id, m.job_id, m.target, m.endpoint_id, m.event_type, m.payload,
                      m.request_id, m.attempts, m.schedule_base, m.locked_until,
                      (SELECT e.rate_limit FROM dispatcher.endpoints e WHERE e.id = m.endpoint_id) AS rate_limit
            """;

    private static final String INSERT_MESSAGE = """
            INSERT INTO dispatcher.messages (id, event_id, tenant_id, job_id, target, endpoint_id, event_type,
                                             payload, request_id, status, attempts, next_attempt_at, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 0, now() + ($10 * interval '1 millisecond'), now())
            ON CONFLICT (event_id, target) DO NOTHING
            """;

    private static final String INSERT_FOR_ENDPOINTS = """
            INSERT INTO dispatcher.messages (id, event_id, tenant_id, job_id, target, endpoint_id, event_type,
                                             payload, request_id, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), $1, $2, $3, e.url, e.id, $4, $5, $6, 'pending', 0,
                   now() + ($7 * interval '1 millisecond'), now()
              FROM dispatcher.endpoints e
             WHERE e.tenant_id = $2 AND e.enabled
               AND CASE WHEN e.event_types IS NULL OR e.event_types = '' THEN $4 <> 'job.progress'
                        ELSE $4 = ANY (string_to_array(e.event_types, ',')) END
            ON CONFLICT (event_id, target) DO NOTHING
            """;

    private static final String DEFER = """
            UPDATE dispatcher.messages SET next_attempt_at = $2, locked_until = NULL
             WHERE id = $1 AND locked_until = $3 AND status = 'pending'
            """;

    private static final String DISABLE_ENDPOINT = """
            UPDATE dispatcher.endpoints SET enabled = FALSE, disabled_reason = $2, disabled_at = now(),
                   updated_at = now()
             WHERE id = $1 AND enabled
            RETURNING id, tenant_id, url, disabled_reason, disabled_at
            """;

    // starts the failure clock at the first failure and disables once it has run for the window; the row lock
    // of the UPDATE makes exactly one concurrent failure see the transition
    private static final String RECORD_FAILURE = """
            UPDATE dispatcher.endpoints
               SET failing_since = COALESCE(failing_since, $2),
                   enabled = COALESCE(failing_since, $2) > now() - ($3 * interval '1 millisecond'),
                   disabled_reason = CASE WHEN COALESCE(failing_since, $2) > now() - ($3 * interval '1 millisecond')
                                          THEN disabled_reason ELSE $4 END,
                   disabled_at = CASE WHEN COALESCE(failing_since, $2) > now() - ($3 * interval '1 millisecond')
                                      THEN disabled_at ELSE now() END,
                   updated_at = CASE WHEN COALESCE(failing_since, $2) > now() - ($3 * interval '1 millisecond')
                                     THEN updated_at ELSE now() END
             WHERE id = $1 AND enabled
            RETURNING id, tenant_id, url, enabled, disabled_reason, disabled_at
            """;

    // the common case (already healthy) matches no row and writes nothing
    private static final String RECORD_SUCCESS = """
            UPDATE dispatcher.endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL
            """;

    private static final String RELEASE = """
            UPDATE dispatcher.messages
               SET status = $2, attempts = attempts + 1, next_attempt_at = $3, locked_until = NULL,
                   last_error = $4, delivered_at = $5
             WHERE id = $1 AND locked_until = $6 AND status = 'pending'
            """;

    private static final String INSERT_ATTEMPT = """
            INSERT INTO dispatcher.attempts (id, message_id, attempt_no, at, status_code, latency_ms,
                                             response_excerpt, error, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """;

    @Inject
    Pool pool;

    /** Inserts a pending message unless one exists for (event id, target); true when inserted. */
    public Uni<Boolean> insertMessage(String eventId, String tenantId, String jobId, String target, UUID endpointId,
            String eventType, String payload, String requestId, long delayMs) {
        Tuple args = Tuple.tuple().addUUID(UUID.randomUUID()).addString(eventId).addString(tenantId)
                .addString(jobId).addString(target).addUUID(endpointId).addString(eventType).addString(payload)
                .addString(requestId).addLong(delayMs);
        return pool.preparedQuery(INSERT_MESSAGE).execute(args).map(rows -> rows.rowCount() == 1);
    }

    /** Inserts one pending message per enabled endpoint of the tenant whose filter selects the type; the count. */
    public Uni<Integer> insertForEndpoints(String eventId, String tenantId, String jobId, String eventType,
            String payload, String requestId, long delayMs) {
        Tuple args = Tuple.tuple().addString(eventId).addString(tenantId).addString(jobId).addString(eventType)
                .addString(payload).addString(requestId).addLong(delayMs);
        return pool.preparedQuery(INSERT_FOR_ENDPOINTS).execute(args).map(rows -> rows.rowCount());
    }

    /** Hands a claimed message back unattempted (endpoint busy or its breaker open), due again at {@code due}. */
    public Uni<Boolean> defer(ClaimedMessage m, Instant due) {
        return pool.preparedQuery(DEFER).execute(Tuple.of(m.id(), utc(due), m.lockedUntil()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** An endpoint this process just disabled. */
    public record DisabledEndpoint(UUID id, String tenantId, String url, String reason, Instant disabledAt) {

        static DisabledEndpoint of(Row r) {
            return new DisabledEndpoint(r.getUUID("id"), r.getString("tenant_id"), r.getString("url"),
                    r.getString("disabled_reason"), r.getOffsetDateTime("disabled_at").toInstant());
        }
    }

    /**
     * Disables a registered endpoint (410 Gone); its pending messages wait until it is enabled again. Empty when
     * it was already disabled (so only one caller notifies).
     */
    public Uni<Optional<DisabledEndpoint>> disableEndpoint(UUID endpointId, String reason) {
        return pool.preparedQuery(DISABLE_ENDPOINT).execute(Tuple.of(endpointId, truncate(reason, 256)))
                .map(rows -> rows.rowCount() == 1 ? Optional.of(DisabledEndpoint.of(rows.iterator().next()))
                        : Optional.empty());
    }

    /**
     * Records a failed attempt at {@code at} against the endpoint's failure clock; when the clock has run for
     * {@code disableAfterMs} the endpoint is disabled with {@code reason} and returned (only to this caller).
     */
    public Uni<Optional<DisabledEndpoint>> recordFailure(UUID endpointId, Instant at, long disableAfterMs,
            String reason) {
        Tuple args = Tuple.of(endpointId, utc(at), disableAfterMs, truncate(reason, 256));
        return pool.preparedQuery(RECORD_FAILURE).execute(args).map(rows -> {
            if (rows.rowCount() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return r.getBoolean("enabled") ? Optional.empty() : Optional.of(DisabledEndpoint.of(r));
        });
    }

    /** A successful delivery stops the endpoint's failure clock. */
    public Uni<Void> recordSuccess(UUID endpointId) {
        return pool.preparedQuery(RECORD_SUCCESS).execute(Tuple.of(endpointId)).replaceWithVoid();
    }

    /** Leases up to {@code limit} due messages for {@code leaseMs}. */
    public Uni<List<ClaimedMessage>> claim(int limit, long leaseMs) {
        return pool.withTransaction(conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(leaseMs, limit)))
                .map(rows -> {
                    List<ClaimedMessage> out = new ArrayList<>(rows.rowCount());
                    for (Row r : rows) {
                        out.add(new ClaimedMessage(r.getUUID("id"), r.getString("event_id"), r.getString("tenant_id"),
                                r.getString("job_id"), r.getString("target"), r.getUUID("endpoint_id"),
                                r.getString("event_type"), r.getString("payload"), r.getString("request_id"),
                                r.getInteger("attempts"), r.getInteger("schedule_base"), r.getInteger("rate_limit"),
                                r.getOffsetDateTime("locked_until")));
                    }
                    return out;
                });
    }

    /**
     * Writes the attempt and the message's next state, only while this process still holds the lease;
     * false when the lease was lost (then nothing is written, the new holder owns the message).
     */
    public Uni<Boolean> release(ClaimedMessage m, AttemptResult result, String status, Instant nextAttemptAt,
            String lastError) {
        Instant deliveredAt = "delivered".equals(status) ? result.at() : null;
        Tuple update = Tuple.of(m.id(), status, utc(nextAttemptAt), truncate(lastError, 1024))
                .addValue(utc(deliveredAt)).addValue(m.lockedUntil());
        Tuple attempt = Tuple.of(UUID.randomUUID(), m.id(), m.attempts() + 1, utc(result.at()))
                .addValue(result.statusCode()).addLong(result.latencyMs())
                .addString(truncate(result.responseExcerpt(), 1024)).addString(truncate(result.error(), 1024))
                .addString(result.outcome());
        return pool.withTransaction(conn -> conn.preparedQuery(RELEASE).execute(update)
                .flatMap(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : conn.preparedQuery(INSERT_ATTEMPT).execute(attempt).map(ignored -> true)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
