package io.inkstream.dispatcher.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Typed view of the dispatcher's {@code inkstream.*} configuration. */
@ConfigMapping(prefix = "inkstream")
public interface InkstreamConfig {

    /** Unique id of this process (logs, metrics). */
    @WithName("instance-id")
    @WithDefault("local")
    String instanceId();

    /** PostgreSQL connection parts (the datasource URLs are built from them in application.properties). */
    Db db();

    /** Webhook delivery settings. */
    Webhooks webhooks();

    /** PostgreSQL connection parts, from env INKSTREAM_DB_*. */
    interface Db {

        /** Database host. */
        @WithDefault("127.0.0.1")
        String host();

        /** Database port. */
        @WithDefault("15432")
        int port();

        /** Database name. */
        @WithDefault("inkstream")
        String name();

        /** Database user. */
        @WithDefault("inkstream")
        String user();

        /** Database password. */
        @WithDefault("inkstream")
        String password();
    }

    /** Webhook delivery settings. */
    interface Webhooks {

        /** Keys that encrypt signing secrets at rest: "id:base64-32-bytes[,id2:...]"; the first one encrypts new secrets. */
        @WithName("secret-keys")
        String secretKeys();

        /** Hosts or IP literals exempt from the SSRF guard (comma separated); empty in production. */
        @WithName("allowed-hosts")
        Optional<List<String>> allowedHosts();

        /** Delay before each attempt: the first entry applies to attempt 1, the list length is the attempt budget. */
        @WithName("retry-schedule")
        @WithDefault("0s,5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule();

        /** Fraction of each retry delay added or removed at random, so retries of many messages spread out. */
        @WithDefault("0.1")
        double jitter();

        /** Longest Retry-After the dispatcher will honour. */
        @WithName("max-retry-after")
        @WithDefault("24h")
        Duration maxRetryAfter();

        /** TCP connect timeout of one delivery. */
        @WithName("connect-timeout")
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout of one delivery. */
        @WithName("request-timeout")
        @WithDefault("15s")
        Duration requestTimeout();

        /** How long a claimed attempt stays leased to this process; must exceed connect + request timeout. */
        @WithDefault("60s")
        Duration lease();

        /** How often pending messages are swept for due retries and expired leases. */
        @WithName("sweep-interval")
        @WithDefault("1s")
        Duration sweepInterval();

        /** Most messages claimed in one lease transaction. */
        @WithName("batch-size")
        @WithDefault("50")
        int batchSize();

        /** Most deliveries in flight in this process. */
        @WithName("max-in-flight")
        @WithDefault("128")
        int maxInFlight();

        /** How long a rotated-out secret keeps signing beside the new one. */
        @WithName("secret-overlap")
        @WithDefault("24h")
        Duration secretOverlap();

        /** Random bytes in a new signing secret (24 to 64). */
        @WithName("secret-bytes")
        @WithDefault("32")
        int secretBytes();

        /** Most concurrent deliveries to one endpoint (a registered endpoint, or a webhook_url's origin). */
        @WithName("endpoint-max-concurrency")
        @WithDefault("10")
        int endpointMaxConcurrency();

        /** Consecutive failures that open an endpoint's circuit breaker. */
        @WithName("breaker-failure-threshold")
        @WithDefault("5")
        int breakerFailureThreshold();

        /** How long an open breaker holds an endpoint's deliveries before one trial attempt. */
        @WithName("breaker-open")
        @WithDefault("30s")
        Duration breakerOpen();

        /** How long a delivery waits when its endpoint is at its concurrency or rate limit. */
        @WithName("busy-retry-delay")
        @WithDefault("250ms")
        Duration busyRetryDelay();

        /** How long an endpoint's deliveries may fail with no success before the endpoint is disabled. */
        @WithName("disable-after")
        @WithDefault("5d")
        Duration disableAfter();

        /** Most characters of a receiver's response body kept in the attempt log. */
        @WithName("response-excerpt-chars")
        @WithDefault("512")
        int responseExcerptChars();
    }
}
