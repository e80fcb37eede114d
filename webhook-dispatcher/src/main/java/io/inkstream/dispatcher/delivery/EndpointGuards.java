package io.inkstream.dispatcher.delivery;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.inkstream.dispatcher.config.InkstreamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** One {@link EndpointGuard} per registered endpoint, or per origin (scheme://host:port) of a job's webhook_url. */
@ApplicationScoped
public class EndpointGuards {

    @Inject
    InkstreamConfig config;

    private final ConcurrentMap<String, EndpointGuard> guards = new ConcurrentHashMap<>();

    public EndpointGuard forMessage(ClaimedMessage m) {
        String key = m.endpointId() != null ? "endpoint:" + m.endpointId() : "origin:" + origin(m.target());
        return guards.computeIfAbsent(key, k -> new EndpointGuard(config.webhooks().endpointMaxConcurrency(),
                config.webhooks().breakerFailureThreshold(), config.webhooks().breakerOpen(),
                config.webhooks().busyRetryDelay()));
    }

    static String origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return scheme + "://" + host + ":" + uri.getPort();
        } catch (Exception e) {
            return url;
        }
    }
}
