package io.inkstream.dispatcher.rest;

import io.inkstream.contracts.ErrorCode;

/** A request failure that maps to an RFC 9457 problem with an ErrorCode. */
public class ProblemException extends RuntimeException {

    private final ErrorCode code;

    public ProblemException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
