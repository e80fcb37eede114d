package io.inkstream.resultstore.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed view of the {@code inkstream.*} configuration the result-store reads. */
@ConfigMapping(prefix = "inkstream")
public interface InkstreamConfig {

    /** Unique per process (kept for parity with the env contract; logged at startup). */
    @WithDefault("local")
    String instanceId();

    /** Database coordinates of the env contract (used by the datasource URLs). */
    Db db();

    /** Claim-check blob store the job's documents live in. */
    Blob blob();

    /** Results at rest. */
    Results results();

    /** Outbox relay. */
    Outbox outbox();

    /** Kafka consumers. */
    Consumer consumer();

    /** Test-only fault injection. */
    Faults faults();

    /** Database coordinates. */
    interface Db {
        /** Host. */
        String host();

        /** Port. */
        int port();

        /** Database name. */
        String name();

        /** User. */
        String user();

        /** Password. */
        String password();
    }

    /** Blob store settings. */
    interface Blob {
        /** Root folder of the filesystem blob store. */
        @WithDefault("/var/tmp/inkstream/blobs")
        String root();

        /** Blob keys "id:base64-32-bytes[,id2:...]"; required in prod (no default). */
        Optional<String> keys();

        /** Primary blob key id (default: the first key). */
        Optional<String> primaryKey();
    }

    /** Results-at-rest settings. */
    interface Results {
        /** AES-256-GCM keys "id:base64-32-bytes,..."; when absent, subkeys are derived from the blob keys. */
        Optional<String> keys();

        /** Key id that encrypts new values (default: the first key); every listed key stays readable. */
        Optional<String> primaryKey();

        /** Jobs (with results, audit and blobs) older than this are purged. */
        @WithDefault("30d")
        Duration retention();

        /** How often the retention purge runs. */
        @WithDefault("1h")
        String purgeEvery();

        /** Delay after startup before the first purge. */
        @WithDefault("30s")
        String purgeDelay();
    }

    /** Outbox relay settings. */
    interface Outbox {
        /** Rows published per relay batch. */
        @WithDefault("100")
        int batchSize();

        /** Period of the sweep that publishes rows a crash or a failed publish left behind. */
        @WithDefault("2s")
        String sweepEvery();

        /** Published rows are deleted after this age. */
        @WithDefault("7d")
        Duration keepPublished();
    }

    /** Consumer settings. */
    interface Consumer {
        /** Attempts for a record that fails for a transient reason (database down) before it goes to the DLQ. */
        @WithDefault("60")
        int maxAttempts();

        /** Longest back-off between attempts. */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    /** Fault injection for reliability tests. */
    interface Faults {
        /** Halt the process right after a result commit, before its events are published (refused in prod). */
        @WithDefault("false")
        boolean crashAfterCommit();
    }
}
