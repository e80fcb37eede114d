package io.inkstream.gateway.rest;

import java.util.Map;

import org.jboss.logging.MDC;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.config.GatewayConfig;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs before any body is read: assigns the request id and refuses bodies that announce more bytes than a
 * request may carry, so an oversized upload costs nothing but its headers.
 */
@ApplicationScoped
public class HttpEdgeRoutes {

    /** Multipart framing and form fields around the documents. */
    static final long MULTIPART_OVERHEAD = 1024 * 1024;

    private final GatewayConfig config;

    HttpEdgeRoutes(GatewayConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(-200).handler(this::requestId);
        router.post("/v1/extract").order(-199).handler(rc -> limit(rc, config.limits().maxDocumentBytes()
                + MULTIPART_OVERHEAD));
        router.post("/v1/jobs").order(-199).handler(rc -> limit(rc,
                config.limits().maxDocumentBytes() * Math.min(config.limits().maxDocumentsPerBatch(), 20)
                        + MULTIPART_OVERHEAD));
    }

    private void requestId(RoutingContext rc) {
        String id = RequestIds.accept(rc.request().getHeader(RequestIds.HEADER));
        rc.put(RequestIds.CONTEXT_KEY, id);
        rc.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        rc.next();
    }

    private void limit(RoutingContext rc, long maxBytes) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            long announced;
            try {
                announced = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                reject(rc, ErrorCode.INVALID_REQUEST, "Content-Length is not a number");
                return;
            }
            if (announced > maxBytes) {
                reject(rc, ErrorCode.DOCUMENT_TOO_LARGE,
                        "request body of " + announced + " bytes exceeds the limit of " + maxBytes + " bytes");
                return;
            }
        }
        rc.next();
    }

    private static void reject(RoutingContext rc, ErrorCode code, String detail) {
        Map<String, Object> body = Problem.body(code, detail, rc.request().path(), RequestIds.of(rc), Map.of());
        rc.response().setStatusCode(code.httpStatus())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                // The rest of the body is not read: close so the client stops sending.
                .putHeader("Connection", "close")
                .end(Json.encode(body));
    }
}
