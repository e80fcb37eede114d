package io.inkstream.dispatcher.rest;

import java.util.regex.Pattern;

import io.inkstream.contracts.ErrorCode;

/** Validates path and query identifiers before they reach the database. */
final class TenantIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");

    private TenantIds() {
    }

    static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST, name + " is required");
        }
        if (!ID.matcher(value).matches()) {
            throw new ProblemException(ErrorCode.INVALID_REQUEST,
                    name + " must be 1-128 characters of letters, digits, '_', '.', ':' or '-'");
        }
        return value;
    }
}
