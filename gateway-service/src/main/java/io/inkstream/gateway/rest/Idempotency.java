package io.inkstream.gateway.rest;

import io.inkstream.gateway.service.RequestValidator;

/** Validates the Idempotency-Key header. */
final class Idempotency {

    private Idempotency() {
    }

    static String key(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String k = header.trim();
        if (k.length() > 255 || !k.matches("[\\x21-\\x7e]+")) {
            throw RequestValidator.invalid("Idempotency-Key", "Idempotency-Key must be 1-255 visible ASCII characters");
        }
        return k;
    }
}
