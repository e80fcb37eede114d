package io.inkstream.gateway.rest;

import io.inkstream.gateway.config.GatewayConfig;

/** Reads the test-only fault header; ignored unless fault hooks are enabled (never in prod). */
final class Faults {

    static final String ABORT_PUBLICATION = "abort-publication";

    private Faults() {
    }

    static boolean abortPublication(GatewayConfig config, String header) {
        return config.faults().enabled() && ABORT_PUBLICATION.equals(header);
    }
}
