package io.inkstream.gateway.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.service.ApiKeyAuthenticator;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Authenticates {@code Authorization: Bearer isk_…} on every /v1 request. */
public class AuthenticationFilter {

    private final ApiKeyAuthenticator authenticator;
    private final CallerContext caller;

    AuthenticationFilter(ApiKeyAuthenticator authenticator, CallerContext caller) {
        this.authenticator = authenticator;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        String header = ctx.getHeaderString("Authorization");
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        caller.set(authenticator.authenticate(key)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                        key == null ? "missing API key: send Authorization: Bearer isk_…" : "invalid API key")));
    }
}
