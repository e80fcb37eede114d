package io.inkstream.gateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Typed gateway configuration under {@code inkstream.*}. */
@ConfigMapping(prefix = "inkstream")
public interface GatewayConfig {

    /** Bootstrap tenant and API key for a fresh installation. */
    Bootstrap bootstrap();

    /** Input limits. */
    Limits limits();

    /** Synchronous extract waits. */
    Sync sync();

    /** Claim-check blob store. */
    Blob blob();

    /** The admin API (tenants and keys). */
    Admin admin();

    /** API-key authentication. */
    Auth auth();

    /** Tesseract languages the workers have installed; requests for others are refused up front. */
    @WithDefault("eng")
    java.util.List<String> languages();

    /** Test-only fault hooks; refused at start in the prod profile. */
    Faults faults();

    /** The result-store's internal API. */
    @WithName("result-store")
    Endpoint resultStore();

    /** The webhook-dispatcher's internal API. */
    Endpoint dispatcher();

    /** Unique id of this replica; part of the Kafka transactional.id. */
    @WithName("instance-id")
    String instanceId();

    /** The tenant and key that exist before any admin call. */
    interface Bootstrap {
        /** Tenant id the bootstrap key belongs to. */
        @WithDefault("demo")
        String tenant();

        /** Plan of the bootstrap tenant: free, starter, professional or enterprise. */
        @WithDefault("enterprise")
        String plan();

        /** Plaintext bootstrap API key (isk_live_… or isk_test_…); only its hash is kept in memory. */
        Optional<String> apiKey();
    }

    /** Limits on what a request may carry. */
    interface Limits {
        /** Largest accepted document. */
        @WithDefault("52428800")
        long maxDocumentBytes();

        /** Most documents in one batch. */
        @WithDefault("1000")
        int maxDocumentsPerBatch();

        /** Longest accepted file name, in characters. */
        @WithDefault("255")
        int maxNameLength();

        /** Most metadata entries per job. */
        @WithDefault("32")
        int maxMetadataEntries();

        /** Longest metadata key or value, in characters. */
        @WithDefault("512")
        int maxMetadataValueLength();
    }

    /** How long POST /v1/extract waits before answering 202. */
    interface Sync {
        /** Wait when the client does not say (Prefer: wait=N). */
        @WithDefault("10s")
        Duration defaultWait();

        /** Longest wait a client may ask for. */
        @WithDefault("60s")
        Duration maxWait();
    }

    /** Blob store settings shared with the worker and result-store. */
    interface Blob {
        /** Folder of the filesystem blob store. */
        @WithDefault("/var/tmp/inkstream/blobs")
        String root();

        /** Encryption keys, {@code id:base64(32 bytes)} comma-separated. */
        String keys();

        /** Key id new blobs are encrypted with; the first key when absent. */
        Optional<String> primaryKey();
    }

    /** Switches for tests that must break things on purpose. */
    interface Faults {
        /** Honour the X-Inkstream-Fault request header (abort-publication). */
        @WithDefault("false")
        boolean enabled();
    }

    /** An internal service's base URL. */
    interface Endpoint {
        /** Base URL, e.g. http://result-store:8081. */
        String url();
    }

    /** Admin credential; the admin API answers 403 when none is configured. */
    interface Admin {
        /** Bearer token of the admin API (a Kubernetes Secret in production). */
        Optional<String> token();
    }

    /** How API keys are checked. */
    interface Auth {
        /** How long a key lookup is cached; revocation reaches every replica within this time. */
        @WithDefault("4s")
        Duration cacheTtl();

        /** How often last-used times are written, in one statement for all keys used meanwhile. */
        @WithDefault("30s")
        Duration touchEvery();
    }
}
