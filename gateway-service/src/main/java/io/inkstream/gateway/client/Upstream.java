package io.inkstream.gateway.client;

import jakarta.ws.rs.core.Response;

/** A response from an internal service: status, content type and body, already read. */
public record Upstream(int status, String contentType, byte[] body) {

    static Upstream read(String service, Response r) {
        try {
            if (r.getStatus() >= 500) {
                throw new UpstreamUnavailableException(service, r.getStatus());
            }
            byte[] body = r.hasEntity() ? r.readEntity(byte[].class) : new byte[0];
            String type = r.getMediaType() == null ? null : r.getMediaType().toString();
            return new Upstream(r.getStatus(), type, body);
        } finally {
            r.close();
        }
    }
}
