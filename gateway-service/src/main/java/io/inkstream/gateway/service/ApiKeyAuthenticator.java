package io.inkstream.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import io.inkstream.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a bearer API key to its tenant. Keys are compared as SHA-256 hashes in constant time; the
 * plaintext bootstrap key from configuration is hashed once at start and not kept.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    public static final String LIVE_PREFIX = "isk_live_";
    public static final String TEST_PREFIX = "isk_test_";

    private final byte[] bootstrapHash;
    private final Tenant bootstrapTenant;

    ApiKeyAuthenticator(GatewayConfig config) {
        Optional<String> key = config.bootstrap().apiKey().filter(k -> !k.isBlank());
        this.bootstrapHash = key.map(ApiKeyAuthenticator::hash).orElse(null);
        this.bootstrapTenant = key.map(k -> new Tenant(config.bootstrap().tenant(), k.startsWith(TEST_PREFIX),
                Plan.of(config.bootstrap().plan()).name().toLowerCase())).orElse(null);
    }

    public Optional<Tenant> authenticate(String presentedKey) {
        if (presentedKey == null || bootstrapHash == null
                || !(presentedKey.startsWith(LIVE_PREFIX) || presentedKey.startsWith(TEST_PREFIX))) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(bootstrapHash, hash(presentedKey)) ? Optional.of(bootstrapTenant)
                : Optional.empty();
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
