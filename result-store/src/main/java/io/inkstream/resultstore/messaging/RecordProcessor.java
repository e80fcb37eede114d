package io.inkstream.resultstore.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.resultstore.config.InkstreamConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs one record's work with the right outcome: ack on success; nack (to the DLQ) for poison records; retry with
 * back-off on the consumer's Vert.x context for anything else (a database outage must not dead-letter good
 * records), and dead-letter only after the configured attempts.
 */
@ApplicationScoped
public class RecordProcessor {

    private static final Logger LOG = Logger.getLogger(RecordProcessor.class);

    @Inject
    InkstreamConfig config;
    @Inject
    OutboxRelay relay;
    @Inject
    FaultHooks faults;

    public static String requestId(Message<?> message) {
        Optional<IncomingKafkaRecordMetadata> meta = message.getMetadata(IncomingKafkaRecordMetadata.class);
        if (meta.isEmpty() || meta.get().getHeaders() == null) {
            return null;
        }
        Header h = meta.get().getHeaders().lastHeader(KafkaHeaders.REQUEST_ID);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static boolean isPoison(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException || c instanceof JacksonException) {
                return true;
            }
        }
        return false;
    }

    /** Processes {@code work}, then acks or nacks {@code message}; kicks the outbox relay after a commit. */
    public Uni<Void> process(Message<String> message, String what, Supplier<Uni<?>> work) {
        Context context = Vertx.currentContext();
        return attempt(work, context, 1, what)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        faults.afterCommit();
                        relay.kick();
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.warnf("%s dead-lettered: %s", what, failure.getClass().getSimpleName());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private Uni<Object> attempt(Supplier<Uni<?>> work, Context context, int n, String what) {
        Uni<Object> run;
        try {
            run = work.get().map(x -> (Object) x);
        } catch (RuntimeException e) {
            run = Uni.createFrom().failure(e);
        }
        return run.onFailure(t -> !isPoison(t) && n < config.consumer().maxAttempts())
                .recoverWithUni(t -> {
                    long delay = backoff(n);
                    LOG.warnf("%s failed (attempt %d, %s), retrying in %d ms", what, n,
                            t.getClass().getSimpleName(), delay);
                    return later(context, delay).chain(() -> attempt(work, context, n + 1, what));
                });
    }

    private long backoff(int attempt) {
        long max = config.consumer().maxBackoff().toMillis();
        long d = Math.min(max, 100L << Math.min(attempt - 1, 16));
        return Math.max(1, d);
    }

    /** Completes on {@code context} after {@code ms}, so Hibernate Reactive sees the same Vert.x context. */
    private static Uni<Void> later(Context context, long ms) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(ms));
        }
        return Uni.createFrom().emitter(em -> context.owner().setTimer(ms,
                id -> context.runOnContext(v -> em.complete(null))));
    }
}
