package io.inkstream.worker.engine;

import io.inkstream.contracts.ErrorCode;

/** A document or page could not be extracted; the code says why (and whether retrying can help). */
public class ExtractionException extends RuntimeException {

    private final ErrorCode code;

    public ExtractionException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ExtractionException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
