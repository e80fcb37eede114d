package io.inkstream.gateway.client;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Fault-tolerant wrapper over the webhook-dispatcher's internal API, with its own named circuit breaker. */
@ApplicationScoped
public class DispatcherClient {

    static final String SERVICE = "webhook-dispatcher";

    private final DispatcherApi api;

    DispatcherClient(@RestClient DispatcherApi api) {
        this.api = api;
    }

    public Uni<Upstream> secret(String tenantId) {
        return read(() -> api.secret(tenantId));
    }

    public Uni<Upstream> rotateSecret(String tenantId) {
        return write(() -> api.rotateSecret(tenantId));
    }

    public Uni<Upstream> messages(String tenantId, String jobId) {
        return read(() -> api.messages(tenantId, jobId));
    }

    public Uni<Upstream> message(String tenantId, String messageId) {
        return read(() -> api.message(tenantId, messageId));
    }

    public Uni<Upstream> retryMessage(String tenantId, String messageId) {
        return write(() -> api.retryMessage(tenantId, messageId));
    }

    public Uni<Upstream> endpoints(String tenantId) {
        return read(() -> api.endpoints(tenantId));
    }

    public Uni<Upstream> createEndpoint(String tenantId, String body) {
        return write(() -> api.createEndpoint(tenantId, body));
    }

    public Uni<Upstream> endpoint(String tenantId, String endpointId) {
        return read(() -> api.endpoint(tenantId, endpointId));
    }

    public Uni<Upstream> replaceEndpoint(String tenantId, String endpointId, String body) {
        return write(() -> api.replaceEndpoint(tenantId, endpointId, body));
    }

    public Uni<Upstream> deleteEndpoint(String tenantId, String endpointId) {
        return write(() -> api.deleteEndpoint(tenantId, endpointId));
    }

    public Uni<Upstream> endpointAttempts(String tenantId, String endpointId, Integer limit) {
        return read(() -> api.endpointAttempts(tenantId, endpointId, limit));
    }

    public Uni<Upstream> recoverEndpoint(String tenantId, String endpointId, String body) {
        return write(() -> api.recoverEndpoint(tenantId, endpointId, body));
    }

    /** Idempotent calls: bounded in time, retried, behind the service's one circuit breaker. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("webhook-dispatcher")
    Uni<Upstream> read(Supplier<Uni<Response>> call) {
        return call.get().map(r -> Upstream.read(SERVICE, r))
                // The REST client raises 4xx answers; they are answers, not failures of the service.
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> Upstream.read(SERVICE, ((WebApplicationException) e).getResponse()));
    }

    /** Calls with an effect: never retried, since a retry after a lost answer would repeat the effect. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("webhook-dispatcher-writes")
    Uni<Upstream> write(Supplier<Uni<Response>> call) {
        return call.get().map(r -> Upstream.read(SERVICE, r))
                // The REST client raises 4xx answers; they are answers, not failures of the service.
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> Upstream.read(SERVICE, ((WebApplicationException) e).getResponse()));
    }
}
