package io.inkstream.gateway.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/** The request id of the current HTTP exchange: the client's X-Request-Id when sane, else a generated one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "inkstream.request-id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    public static String accept(String fromClient) {
        // A client-chosen id goes into logs and Kafka headers: only a short, inert token is kept.
        return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : "req_" + UUID.randomUUID();
    }

    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(CONTEXT_KEY);
    }
}
