package io.inkstream.dispatcher.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.inkstream.dispatcher.config.InkstreamConfig;
import io.inkstream.dispatcher.entity.Message;
import io.inkstream.dispatcher.messaging.DeadLetterPublisher;
import io.inkstream.dispatcher.repository.DeliveryStore;
import io.inkstream.dispatcher.repository.SecretStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Claims due messages as short leases and delivers them. Kicked right after new messages are inserted (low
 * latency), by a timer when a near retry falls due, and by a periodic sweep (retries, restarts, lost leases).
 * At most one claim loop runs per process; deliveries of a batch run concurrently up to max-in-flight.
 */
@ApplicationScoped
public class DeliveryPoller {

    private static final Logger LOG = Logger.getLogger(DeliveryPoller.class);

    @Inject
    DeliveryStore store;

    @Inject
    SecretStore secrets;

    @Inject
    WebhookSender sender;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    InkstreamConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @Inject
    EndpointGuards guards;

    @Inject
    EndpointDisabledNotifier disabledNotifier;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;
    private RetryPolicy policy;

    @PostConstruct
    void init() {
        // a lease shorter than one attempt could let a second claim send the same attempt again
        Duration attemptBound = config.webhooks().connectTimeout().plus(config.webhooks().requestTimeout());
        if (config.webhooks().lease().compareTo(attemptBound) <= 0) {
            throw new IllegalStateException("inkstream.webhooks.lease must exceed connect-timeout + request-timeout ("
                    + attemptBound + ")");
        }
        policy = new RetryPolicy(config.webhooks().retrySchedule(), config.webhooks().jitter(),
                config.webhooks().maxRetryAfter());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** Periodic sweep: picks up retries that fell due and messages whose lease expired. */
    @Scheduled(every = "${inkstream.webhooks.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "webhook-sweep")
    void sweep() {
        kick();
    }

    /** Asks for a claim round now; cheap and safe to call from any thread, coalesces concurrent kicks. */
    public void kick() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    private void loop() {
        again.set(false);
        int capacity = Math.min(config.webhooks().batchSize(), config.webhooks().maxInFlight() - inFlight.get());
        if (capacity <= 0) {
            finishLoop();
            return;
        }
        store.claim(capacity, config.webhooks().lease().toMillis()).subscribe().with(claimed -> {
            for (ClaimedMessage m : claimed) {
                inFlight.incrementAndGet();
                deliver(m).subscribe().with(ignored -> {
                    inFlight.decrementAndGet();
                    // a freed slot may let a backlog through
                    kick();
                }, error -> {
                    inFlight.decrementAndGet();
                    LOG.errorf(error, "delivery of message %s failed unexpectedly; its lease will expire", m.id());
                });
            }
            if (claimed.size() == capacity) {
                again.set(true);
            }
            finishLoop();
        }, error -> {
            LOG.warnf("claiming webhook messages failed: %s", error.getMessage());
            finishLoop();
        });
    }

    private void finishLoop() {
        running.set(false);
        if (again.get() && !stopped && inFlight.get() < config.webhooks().maxInFlight()
                && running.compareAndSet(false, true)) {
            loop();
        }
    }

    /**
     * One attempt for one claimed message under its endpoint's guard, then its result written back under the
     * lease. A busy endpoint or an open breaker hands the message back unattempted, due when the guard allows.
     */
    Uni<Void> deliver(ClaimedMessage m) {
        EndpointGuard guard = guards.forMessage(m);
        Duration wait = guard.tryAcquire(System.nanoTime(), m.rateLimit());
        if (wait != null) {
            registry.counter("webhook.deferrals").increment();
            return store.defer(m, Instant.now().plus(wait)).invoke(held -> {
                if (held) {
                    wakeAt(wait);
                }
            }).replaceWithVoid();
        }
        return secrets.activeSecrets(m.tenantId())
                .map(list -> list.stream().map(SecretStore.ActiveSecret::secret).toList())
                .flatMap(list -> sender.send(m, list))
                // 410 and refused targets say nothing about the endpoint's health, so they do not feed the breaker
                .invoke(result -> guard.release(System.nanoTime(), result.kind() != AttemptResult.Kind.PERMANENT,
                        result.kind() == AttemptResult.Kind.RETRYABLE))
                .onFailure().invoke(error -> guard.release(System.nanoTime(), false, false))
                .flatMap(result -> settle(m, result));
    }

    private Uni<Void> settle(ClaimedMessage m, AttemptResult result) {
        int attemptsMade = m.attempts() + 1;
        int schedulePosition = attemptsMade - m.scheduleBase();
        registry.counter("webhook.attempts", "outcome", result.outcome()).increment();
        if (result.kind() == AttemptResult.Kind.SUCCESS) {
            return store.release(m, result, Message.DELIVERED, result.at(), null)
                    .flatMap(held -> held && m.endpointId() != null ? store.recordSuccess(m.endpointId())
                            : Uni.createFrom().voidItem());
        }
        // only receiver failures run the clock: 410 disables at once, a refused target is not the receiver's doing
        Uni<Void> clock = result.kind() == AttemptResult.Kind.RETRYABLE && m.endpointId() != null
                ? recordFailure(m, result)
                : Uni.createFrom().voidItem();
        return clock.flatMap(ignored -> settleFailure(m, result, attemptsMade, schedulePosition));
    }

    private Uni<Void> recordFailure(ClaimedMessage m, AttemptResult result) {
        Duration window = config.webhooks().disableAfter();
        String reason = "deliveries failed with no success for "
                + window.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " (last error: " + result.error()
                + ")";
        return store.recordFailure(m.endpointId(), result.at(), window.toMillis(), reason)
                .flatMap(disabled -> disabled.isPresent() ? notifyDisabled(disabled.get())
                        : Uni.createFrom().voidItem())
                // the attempt itself must still be written back, whatever happened to the bookkeeping
                .onFailure().recoverWithItem(error -> {
                    LOG.warnf("failure clock of endpoint %s not updated: %s", m.endpointId(), error.getMessage());
                    return null;
                });
    }

    private Uni<Void> notifyDisabled(DeliveryStore.DisabledEndpoint endpoint) {
        registry.counter("webhook.endpoints.disabled").increment();
        return disabledNotifier.notifyDisabled(endpoint, policy.initialDelay().toMillis()).invoke(count -> {
            if (count > 0) {
                kick();
            }
        }).replaceWithVoid();
    }

    private Uni<Void> settleFailure(ClaimedMessage m, AttemptResult result, int attemptsMade, int schedulePosition) {
        Optional<Duration> next = result.kind() == AttemptResult.Kind.PERMANENT
                ? Optional.empty()
                : policy.nextDelay(schedulePosition, result.retryAfter());
        if (next.isPresent()) {
            Instant due = Instant.now().plus(next.get());
            return store.release(m, result, Message.PENDING, due, result.error()).invoke(held -> {
                if (held) {
                    wakeAt(next.get());
                }
            }).replaceWithVoid();
        }
        String reason = result.kind() == AttemptResult.Kind.PERMANENT ? "rejected" : "exhausted";
        return store.release(m, result, Message.FAILED, Instant.now(), result.error())
                .flatMap(held -> {
                    if (!held) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("webhook message %s (event %s) failed after %d attempt(s): %s", m.id(), m.eventId(),
                            attemptsMade, reason);
                    registry.counter("webhook.messages.failed", "reason", reason).increment();
                    Uni<Void> disable = m.endpointId() != null && Integer.valueOf(410).equals(result.statusCode())
                            ? store.disableEndpoint(m.endpointId(), "receiver answered 410 Gone")
                                    .flatMap(d -> d.isPresent() ? notifyDisabled(d.get())
                                            : Uni.createFrom().voidItem())
                                    .onFailure().recoverWithItem(error -> {
                                        LOG.warnf("disabling endpoint %s failed: %s", m.endpointId(),
                                                error.getMessage());
                                        return null;
                                    })
                            : Uni.createFrom().voidItem();
                    return disable.flatMap(ignored -> deadLetters.publish(m, reason, result.error()));
                });
    }

    /** A retry due before the next sweep gets its own timer, so short schedules are honoured closely. */
    private void wakeAt(Duration delay) {
        if (delay.compareTo(config.webhooks().sweepInterval()) < 0) {
            vertx.setTimer(Math.max(1, delay.toMillis() + 5), id -> kick());
        }
    }

    /** Claimed-but-unfinished deliveries in this process. */
    public int inFlight() {
        return inFlight.get();
    }
}
