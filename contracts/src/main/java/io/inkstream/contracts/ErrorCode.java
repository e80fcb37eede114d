package io.inkstream.contracts;

/**
 * Stable error codes shared by the API (problem+json {@code code}) and by failed documents and pages.
 * Each code knows its HTTP status and whether a consumer should retry the work that produced it.
 */
public enum ErrorCode {
    INVALID_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    IDEMPOTENCY_IN_FLIGHT,
    DOCUMENT_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    DOCUMENT_UNREADABLE,
    DOCUMENT_ENCRYPTED,
    DOCUMENT_QUALITY_LOW,
    LANGUAGE_UNAVAILABLE,
    TOO_MANY_PAGES,
    IDEMPOTENCY_KEY_REUSED,
    RATE_LIMITED,
    UNAVAILABLE,
    PAGE_TIMEOUT,
    SOURCE_UNREACHABLE,
    SOURCE_FORBIDDEN,
    INTERNAL;

    public int httpStatus() {
        return switch (this) {
            case INVALID_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case IDEMPOTENCY_IN_FLIGHT -> 409;
            case DOCUMENT_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case DOCUMENT_UNREADABLE, DOCUMENT_ENCRYPTED, DOCUMENT_QUALITY_LOW, LANGUAGE_UNAVAILABLE,
                    TOO_MANY_PAGES, IDEMPOTENCY_KEY_REUSED, PAGE_TIMEOUT, SOURCE_UNREACHABLE,
                    SOURCE_FORBIDDEN -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /** True when the same work may succeed if tried again (transient), false when retrying cannot help. */
    public boolean retryable() {
        return switch (this) {
            case UNAVAILABLE, SOURCE_UNREACHABLE, RATE_LIMITED, IDEMPOTENCY_IN_FLIGHT, INTERNAL -> true;
            case INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, DOCUMENT_TOO_LARGE,
                    UNSUPPORTED_MEDIA_TYPE, DOCUMENT_UNREADABLE, DOCUMENT_ENCRYPTED, DOCUMENT_QUALITY_LOW,
                    LANGUAGE_UNAVAILABLE, TOO_MANY_PAGES, IDEMPOTENCY_KEY_REUSED, PAGE_TIMEOUT,
                    SOURCE_FORBIDDEN -> false;
        };
    }

    public String title() {
        String s = name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
