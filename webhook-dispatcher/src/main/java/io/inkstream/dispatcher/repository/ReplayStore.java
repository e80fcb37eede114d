package io.inkstream.dispatcher.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Puts finished messages back on the schedule (replay one, or recover an endpoint's failures since a time).
 * A replay restarts the retry schedule (schedule_base = attempts) and keeps the attempt log.
 */
@ApplicationScoped
public class ReplayStore {

    /** What replaying one message found. */
    public enum ReplayOutcome { REPLAYED, NOT_FOUND, ALREADY_PENDING }

    private static final String REPLAY = """
            UPDATE dispatcher.messages
               SET status = 'pending', schedule_base = attempts, next_attempt_at = now(), locked_until = NULL,
                   delivered_at = NULL
             WHERE id = $1 AND tenant_id = $2 AND status IN ('failed', 'delivered')
            """;

    private static final String EXISTS = """
            SELECT status FROM dispatcher.messages WHERE id = $1 AND tenant_id = $2
            """;

    private static final String RECOVER = """
            UPDATE dispatcher.messages
               SET status = 'pending', schedule_base = attempts, next_attempt_at = now(), locked_until = NULL
             WHERE endpoint_id = $1 AND tenant_id = $2 AND status = 'failed' AND created_at >= $3
            """;

    @Inject
    Pool pool;

    public Uni<ReplayOutcome> replay(String tenantId, UUID messageId) {
        return pool.preparedQuery(REPLAY).execute(Tuple.of(messageId, tenantId)).flatMap(rows -> rows.rowCount() == 1
                ? Uni.createFrom().item(ReplayOutcome.REPLAYED)
                : pool.preparedQuery(EXISTS).execute(Tuple.of(messageId, tenantId))
                        .map(found -> found.rowCount() == 0 ? ReplayOutcome.NOT_FOUND : ReplayOutcome.ALREADY_PENDING));
    }

    /** Number of failed messages of the endpoint, created at or after {@code since}, put back on the schedule. */
    public Uni<Integer> recover(String tenantId, UUID endpointId, Instant since) {
        return pool.preparedQuery(RECOVER).execute(Tuple.of(endpointId, tenantId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
