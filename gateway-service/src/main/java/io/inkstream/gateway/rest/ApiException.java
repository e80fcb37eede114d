package io.inkstream.gateway.rest;

import java.util.Map;

import io.inkstream.contracts.ErrorCode;

/** A client-facing failure with a stable code; rendered as RFC 9457 problem+json. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;
    private final Integer retryAfterSeconds;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), null);
    }

    public ApiException(ErrorCode code, String detail, Map<String, Object> extensions) {
        this(code, detail, extensions, null);
    }

    public ApiException(ErrorCode code, String detail, Map<String, Object> extensions, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.code = code;
        this.extensions = extensions;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(ErrorCode.UNAVAILABLE, detail, Map.of(), retryAfterSeconds);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
