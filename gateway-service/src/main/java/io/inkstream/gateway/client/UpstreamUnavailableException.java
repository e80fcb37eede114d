package io.inkstream.gateway.client;

/** An internal service answered 5xx or not at all; counts against its circuit breaker. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String service, int status) {
        super(service + " answered " + status, null, false, false);
    }
}
