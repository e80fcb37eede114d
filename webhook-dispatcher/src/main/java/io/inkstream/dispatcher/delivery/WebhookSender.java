package io.inkstream.dispatcher.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.inkstream.dispatcher.config.InkstreamConfig;
import io.inkstream.dispatcher.crypto.WebhookSignature;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Makes one signed Standard Webhooks POST for a claimed message and classifies the outcome. It connects to the
 * address the SSRF guard checked (not a second DNS answer) and never follows redirects.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";

    @Inject
    WebClient client;

    @Inject
    SsrfGuard guard;

    @Inject
    InkstreamConfig config;

    /** Checks the target (off the event loop: DNS blocks), then sends; never fails, the failure is the result. */
    public Uni<AttemptResult> send(ClaimedMessage message, List<String> secrets) {
        Instant started = Instant.now();
        return Uni.createFrom().item(() -> guard.check(message.target()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(verdict -> {
                    if (verdict instanceof SsrfGuard.Allowed allowed) {
                        return post(message, secrets, allowed);
                    }
                    if (verdict instanceof SsrfGuard.Refused refused) {
                        return Uni.createFrom().item(new AttemptResult(started, null, 0, null,
                                "target refused: " + refused.reason(), AttemptResult.Kind.PERMANENT,
                                Optional.empty()));
                    }
                    return Uni.createFrom().item(new AttemptResult(started, null, 0, null,
                            ((SsrfGuard.Unresolvable) verdict).reason(), AttemptResult.Kind.RETRYABLE,
                            Optional.empty()));
                });
    }

    private Uni<AttemptResult> post(ClaimedMessage message, List<String> secrets, SsrfGuard.Allowed target) {
        Instant at = Instant.now();
        long timestamp = at.getEpochSecond();
        String body = message.payload();
        String uri = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            uri = uri + "?" + target.uri().getRawQuery();
        }
        SocketAddress server = SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress());
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, server, target.port(), target.host(), uri)
                .ssl(target.tls())
                .timeout(config.webhooks().requestTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader(HEADER_ID, message.eventId())
                .putHeader(HEADER_TIMESTAMP, Long.toString(timestamp))
                .putHeader(HEADER_SIGNATURE, WebhookSignature.header(secrets, message.eventId(), timestamp, body));
        long startNanos = System.nanoTime();
        return request.sendBuffer(Buffer.buffer(body))
                .map(response -> classify(at, response, elapsedMs(startNanos)))
                .onFailure().recoverWithItem(error -> new AttemptResult(at, null, elapsedMs(startNanos), null,
                        describe(error), AttemptResult.Kind.RETRYABLE, Optional.empty()));
    }

    private AttemptResult classify(Instant at, HttpResponse<Buffer> response, long latencyMs) {
        int status = response.statusCode();
        String excerpt = excerpt(response.bodyAsString());
        if (status >= 200 && status < 300) {
            return new AttemptResult(at, status, latencyMs, excerpt, null, AttemptResult.Kind.SUCCESS,
                    Optional.empty());
        }
        if (status == 410) {
            return new AttemptResult(at, status, latencyMs, excerpt, "receiver answered 410 Gone",
                    AttemptResult.Kind.PERMANENT, Optional.empty());
        }
        String error = status >= 300 && status < 400
                ? "receiver answered redirect " + status + " (redirects are not followed)"
                : "receiver answered " + status;
        return new AttemptResult(at, status, latencyMs, excerpt, error, AttemptResult.Kind.RETRYABLE,
                RetryPolicy.parseRetryAfter(response.getHeader("retry-after"), at));
    }

    private String excerpt(String body) {
        int max = config.webhooks().responseExcerptChars();
        if (body == null || body.isEmpty()) {
            return null;
        }
        return body.length() <= max ? body : body.substring(0, max);
    }

    private static String describe(Throwable error) {
        if (error instanceof TimeoutException || error.getClass().getSimpleName().contains("Timeout")) {
            return "timeout: " + error.getMessage();
        }
        String message = error.getMessage() == null ? "" : ": " + error.getMessage();
        return "connection error " + error.getClass().getSimpleName() + message;
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
