package io.inkstream.gateway.rest;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.service.RateLimitDecision;
import io.inkstream.gateway.service.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

/** Takes a token per authenticated request (429 when none is left) and reports the quota on every response. */
public class RateLimitFilters {

    private final RateLimiter limiter;
    private final CallerContext caller;
    private final MeterRegistry metrics;

    RateLimitFilters(RateLimiter limiter, CallerContext caller, MeterRegistry metrics) {
        this.limiter = limiter;
        this.caller = caller;
        this.metrics = metrics;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10, nonBlocking = true)
    public Uni<Response> limit(ContainerRequestContext ctx, RoutingContext rc) {
        if (!caller.authenticated()) {
            return Uni.createFrom().nullItem();
        }
        return limiter.acquire(caller.tenant()).map(d -> {
            caller.rateLimit(d);
            if (d.allowed()) {
                return null;
            }
            metrics.counter("ocr_rate_limited_total", "plan", caller.tenant().plan()).increment();
            Response problem = Problem.response(ErrorCode.RATE_LIMITED,
                    "request rate above the plan's limit; retry after " + d.retryAfterSeconds() + " s",
                    rc.request().path(), RequestIds.of(rc), Map.of(), (int) Math.max(1, d.retryAfterSeconds()));
            return Response.fromResponse(problem).header("RateLimit-Policy", d.policyHeader())
                    .header("RateLimit", d.limitHeader()).build();
        });
    }

    @ServerResponseFilter
    public void headers(ContainerResponseContext response) {
        RateLimitDecision d = caller.rateLimit();
        if (d != null && !response.getHeaders().containsKey("RateLimit")) {
            response.getHeaders().putSingle("RateLimit-Policy", d.policyHeader());
            response.getHeaders().putSingle("RateLimit", d.limitHeader());
        }
    }
}
