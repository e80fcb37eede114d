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

/**
 * Fault-tolerant wrapper over the result-store's internal API: bounded time, retries on idempotent reads
 * only, and one named circuit breaker so a dead result-store costs callers nothing but a fast 503.
 */
@ApplicationScoped
public class ResultStoreClient {

    static final String SERVICE = "result-store";

    private final ResultStoreApi api;

    ResultStoreClient(@RestClient ResultStoreApi api) {
        this.api = api;
    }

    public Uni<Upstream> job(String tenantId, String jobId) {
        return read(() -> api.job(jobId, tenantId));
    }

    public Uni<Upstream> jobs(String tenantId, String state, String createdAfter, String createdBefore,
            Integer limit, String cursor) {
        return read(() -> api.jobs(tenantId, state, createdAfter, createdBefore, limit, cursor)
                );
    }

    public Uni<Upstream> document(String tenantId, String jobId, String documentId, String format) {
        return read(() -> api.document(jobId, documentId, tenantId, format));
    }

    public Uni<Upstream> usage(String tenantId, String from, String to) {
        return read(() -> api.usage(tenantId, from, to));
    }

    /** Cancel is idempotent on the result-store (a cancelled job stays cancelled), so it is retried. */
    public Uni<Upstream> cancel(String tenantId, String jobId, String requestId) {
        return read(() -> api.cancel(jobId, tenantId, requestId));
    }

    /** Delete is idempotent too: deleting a deleted job is a 404 the caller maps, never a second effect. */
    public Uni<Upstream> delete(String tenantId, String jobId, String requestId) {
        return read(() -> api.delete(jobId, tenantId, requestId));
    }

    /** Idempotent calls: bounded in time, retried, behind the service's one circuit breaker. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("result-store")
    Uni<Upstream> read(Supplier<Uni<Response>> call) {
        return call.get().map(r -> Upstream.read(SERVICE, r))
                // The REST client raises 4xx answers; they are answers, not failures of the service.
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> Upstream.read(SERVICE, ((WebApplicationException) e).getResponse()));
    }
}
