package io.inkstream.gateway.rest;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.service.RateLimitDecision;
import io.inkstream.gateway.service.Tenant;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated tenant of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CallerContext {

    private Tenant tenant;
    private RateLimitDecision rateLimit;

    void set(Tenant tenant) {
        this.tenant = tenant;
    }

    void rateLimit(RateLimitDecision decision) {
        this.rateLimit = decision;
    }

    /** The rate-limit verdict of this request, or null before authentication. */
    RateLimitDecision rateLimit() {
        return rateLimit;
    }

    boolean authenticated() {
        return tenant != null;
    }

    public Tenant tenant() {
        if (tenant == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "missing or invalid API key");
        }
        return tenant;
    }
}
