package io.inkstream.resultstore.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.resultstore.config.InkstreamConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Transactional-outbox relay: publishes unpublished outbox rows in seq order to inkstream.events (key job id, value
 * the stored JSON string, header x-request-id) and marks them published only after Kafka acknowledged them. Kicked
 * after every commit that wrote events, plus a periodic sweep for rows a crash or a failed publish left behind. A
 * transaction-scoped advisory lock makes one relay at a time publish, so replicas never interleave a job's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay (arbitrary, fixed). */
    private static final long RELAY_LOCK = 0x1_4c57_7ea0L;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    InkstreamConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    @Channel(Channels.EVENTS_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private Counter published;

    @PostConstruct
    void init() {
        published = Counter.builder("inkstream_events_published_total")
                .description("Lifecycle events published from the outbox").register(registry);
    }

    /** Asks for a relay run soon; runs coalesce, never overlap. */
    public void kick() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    @Scheduled(every = "${inkstream.outbox.sweep-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        kick();
    }

    void stop(@Observes ShutdownEvent ev) {
        executor.shutdown();
    }

    private void drain() {
        queued.set(false);
        try {
            int n;
            do {
                n = publishBatch();
            } while (n >= config.outbox().batchSize());
        } catch (Exception e) {
            LOG.warnf("outbox relay run failed (%s); the sweep retries", e.getClass().getSimpleName());
        }
    }

    /** One batch in one transaction; returns the number of rows published. */
    int publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Row> rows = unpublished(c, config.outbox().batchSize());
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<Long> done = publish(rows);
                markPublished(c, done);
                c.commit();
                published.increment(done.size());
                return done.size() == rows.size() ? done.size() : 0;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private record Row(long seq, String jobId, String payload, String requestId) {
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static List<Row> unpublished(Connection c, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select seq, job_id, payload, request_id from result_store.outbox"
                + " where published_at is null order by seq limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows in order (the idempotent producer keeps per-partition order) and returns the seqs of the
     * longest acknowledged prefix: a row after a failed one is sent again later rather than overtaking it.
     */
    private List<Long> publish(List<Row> rows) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (Row r : rows) {
            RecordHeaders headers = new RecordHeaders();
            if (r.requestId() != null) {
                headers.add(KafkaHeaders.REQUEST_ID, r.requestId().getBytes(StandardCharsets.UTF_8));
            }
            OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String> builder()
                    .withKey(r.jobId()).withHeaders(headers).build();
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                emitter.sendMessageAndForget(Message.of(r.payload())
                        .addMetadata(meta)
                        .withAck(() -> {
                            ack.complete(null);
                            return CompletableFuture.completedFuture(null);
                        })
                        .withNack(t -> {
                            ack.completeExceptionally(t);
                            return CompletableFuture.completedFuture(null);
                        }));
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            acks.add(ack);
        }
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                done.add(rows.get(i).seq());
            } catch (Exception e) {
                LOG.warnf("event publish failed at outbox seq %d (%s)", rows.get(i).seq(), e.getClass().getSimpleName());
                break;
            }
        }
        return done;
    }

    private static void markPublished(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update result_store.outbox set published_at = now() where seq = any(?)")) {
            Array arr = c.createArrayOf("bigint", seqs.toArray());
            ps.setArray(1, arr);
            ps.executeUpdate();
        }
    }
}
