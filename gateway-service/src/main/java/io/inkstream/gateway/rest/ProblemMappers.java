package io.inkstream.gateway.rest;

import java.util.Map;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.inkstream.contracts.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Maps every failure that reaches the REST layer to problem+json with a stable code. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, RoutingContext rc) {
        return Problem.response(e.code(), e.getMessage(), rc.request().path(), RequestIds.of(rc), e.extensions(),
                e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext rc) {
        int status = e.getResponse().getStatus();
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404, 405 -> ErrorCode.NOT_FOUND;
            case 413 -> ErrorCode.DOCUMENT_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        return Problem.response(code, status == 405 ? "method not allowed" : e.getMessage(), rc.request().path(),
                RequestIds.of(rc), Map.of(), null);
    }

    /** Timeouts, open circuit breakers and exhausted retries: a dependency is down, not a bug. */
    @ServerExceptionMapper
    public Response dependencyDown(FaultToleranceException e, RoutingContext rc) {
        LOG.warnf("dependency unavailable: %s", e.toString());
        return Problem.response(ErrorCode.UNAVAILABLE, "a dependency is temporarily unavailable; retry",
                rc.request().path(), RequestIds.of(rc), Map.of(), 5);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, RoutingContext rc) {
        LOG.error("unexpected failure", e);
        return Problem.response(ErrorCode.INTERNAL, "unexpected server error", rc.request().path(),
                RequestIds.of(rc), Map.of(), null);
    }
}
