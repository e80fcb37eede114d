package io.inkstream.dispatcher.config;

import java.time.Duration;

import io.inkstream.dispatcher.crypto.SecretCipher;
import io.inkstream.dispatcher.delivery.SsrfGuard;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the dispatcher's cipher, SSRF guard and outbound HTTP client from configuration. */
@ApplicationScoped
public class DispatcherProducers {

    @Produces
    @Singleton
    SecretCipher secretCipher(InkstreamConfig config) {
        return SecretCipher.parse(config.webhooks().secretKeys());
    }

    @Produces
    @Singleton
    SsrfGuard ssrfGuard(InkstreamConfig config) {
        return new SsrfGuard(config.webhooks().allowedHosts().orElse(java.util.List.of()));
    }

    @Produces
    @Singleton
    WebClient webhookClient(Vertx vertx, InkstreamConfig config) {
        Duration connect = config.webhooks().connectTimeout();
        WebClientOptions options = new WebClientOptions()
                // redirects are failures: the receiver must answer itself
                .setFollowRedirects(false)
                .setConnectTimeout((int) connect.toMillis())
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setMaxPoolSize(Math.max(8, config.webhooks().maxInFlight()))
                .setUserAgent("Inkstream-Webhooks/1")
                .setVerifyHost(true)
                .setTrustAll(false);
        return WebClient.create(vertx, options);
    }

    void closeClient(@Disposes WebClient client) {
        client.close();
    }
}
