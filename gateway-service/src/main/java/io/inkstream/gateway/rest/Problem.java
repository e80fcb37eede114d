package io.inkstream.gateway.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.inkstream.contracts.ErrorCode;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 problem+json responses; the single place their shape is defined. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://docs.inkstream.io/errors/";

    private Problem() {
    }

    public static Map<String, Object> body(ErrorCode code, String detail, String instance, String requestId,
            Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.name().toLowerCase().replace('_', '-'));
        body.put("title", code.title());
        body.put("status", code.httpStatus());
        body.put("code", code.name());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        body.putAll(extensions);
        return body;
    }

    public static Response response(ErrorCode code, String detail, String instance, String requestId,
            Map<String, Object> extensions, Integer retryAfterSeconds) {
        Response.ResponseBuilder rb = Response.status(code.httpStatus())
                .type(MEDIA_TYPE)
                .entity(body(code, detail, instance, requestId, extensions));
        if (retryAfterSeconds != null) {
            rb.header("Retry-After", retryAfterSeconds);
        }
        return rb.build();
    }
}
