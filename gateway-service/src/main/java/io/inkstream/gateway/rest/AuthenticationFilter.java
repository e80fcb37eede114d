package io.inkstream.gateway.rest;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.service.ApiKeyAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Authenticates {@code Authorization: Bearer isk_…} on every /v1 request, and the admin credential on
 * /admin requests.
 */
public class AuthenticationFilter {

    private final ApiKeyAuthenticator authenticator;
    private final CallerContext caller;
    private final GatewayConfig config;

    AuthenticationFilter(ApiKeyAuthenticator authenticator, CallerContext caller, GatewayConfig config) {
        this.authenticator = authenticator;
        this.caller = caller;
        this.config = config;
    }

    // On the event loop even for blocking endpoints: the key lookup is a reactive (Hibernate Reactive) query.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Uni<Response> authenticate(ContainerRequestContext ctx, RoutingContext rc) {
        String path = ctx.getUriInfo().getPath();
        String key = bearer(ctx);
        if (path.startsWith("/admin/")) {
            return Uni.createFrom().item(admin(key, rc));
        }
        if (!path.startsWith("/v1/")) {
            return Uni.createFrom().nullItem();
        }
        return authenticator.authenticate(key).map(tenant -> {
            if (tenant.isPresent()) {
                caller.set(tenant.get());
                return null;
            }
            return Problem.response(ErrorCode.UNAUTHENTICATED,
                    key == null ? "missing API key: send Authorization: Bearer isk_…" : "invalid API key",
                    rc.request().path(), RequestIds.of(rc), Map.of(), null);
        });
    }

    private Response admin(String presented, RoutingContext rc) {
        var token = config.admin().token().filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            return Problem.response(ErrorCode.FORBIDDEN, "the admin API is disabled: no admin credential is configured",
                    rc.request().path(), RequestIds.of(rc), Map.of(), null);
        }
        if (presented == null || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            return Problem.response(ErrorCode.UNAUTHENTICATED, "missing or invalid admin credential",
                    rc.request().path(), RequestIds.of(rc), Map.of(), null);
        }
        return null;
    }

    private static String bearer(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }
}
