package io.inkstream.dispatcher.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.inkstream.contracts.ErrorCode;

/** Parses path and query values into typed ids and times, failing with INVALID_REQUEST instead of a 500. */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, name + " must be a UUID");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, name + " is required (ISO-8601 instant)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, name + " must be an ISO-8601 instant");
        }
    }
}
