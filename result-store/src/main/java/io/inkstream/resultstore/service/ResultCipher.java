package io.inkstream.resultstore.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.inkstream.resultstore.config.InkstreamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * AES-256-GCM for results at rest (small values, so plain JCE is fine). Keys come from
 * {@code inkstream.results.keys}; without them, per-purpose subkeys are derived (HKDF-SHA256) from the blob keys
 * with the same ids. The key id is stored beside each value; every configured key stays readable.
 * Layout of a sealed value: 12-byte nonce, then ciphertext with its 16-byte tag.
 */
@ApplicationScoped
public class ResultCipher {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] HKDF_INFO = "inkstream/result-store/results-at-rest/v1".getBytes(StandardCharsets.UTF_8);

    /** A value encrypted under key {@code keyId}. */
    public record Sealed(String keyId, byte[] data) {
    }

    private final SecureRandom random = new SecureRandom();
    private Map<String, SecretKeySpec> keys;
    private String primary;

    ResultCipher() {
    }

    @Inject
    public ResultCipher(InkstreamConfig config) {
        boolean derived = config.results().keys().isEmpty();
        String spec = config.results().keys().or(() -> config.blob().keys())
                .orElseThrow(() -> new IllegalStateException(
                        "inkstream.results.keys or inkstream.blob.keys is required to encrypt results"));
        init(spec, derived ? config.blob().primaryKey().orElse(null) : config.results().primaryKey().orElse(null),
                derived);
    }

    /** A cipher over explicit keys ("id:base64,..."), for tools and tests. */
    public static ResultCipher of(String keys, String primaryKeyId) {
        ResultCipher c = new ResultCipher();
        c.init(keys, primaryKeyId, false);
        return c;
    }

    private void init(String spec, String primaryKeyId, boolean derive) {
        this.keys = parse(spec, derive);
        this.primary = primaryKeyId == null || primaryKeyId.isBlank() ? keys.keySet().iterator().next() : primaryKeyId;
        if (!keys.containsKey(primary)) {
            throw new IllegalStateException("primary results key " + primary + " is not among the keys");
        }
    }

    public String primaryKeyId() {
        return primary;
    }

    /** Encrypts under the primary key; {@code context} (e.g. "page:doc_x:3") is bound as associated data. */
    public Sealed seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(primary), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain);
            return new Sealed(primary, ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("result encryption failed", e);
        }
    }

    public byte[] open(String keyId, byte[] sealed, String context) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("results key " + keyId + " is not configured");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("result decryption failed (key " + keyId + ")", e);
        }
    }

    static Map<String, SecretKeySpec> parse(String spec, boolean derive) {
        Map<String, SecretKeySpec> out = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("results key entries look like id:base64");
            }
            byte[] material = Base64.getDecoder().decode(parts[1].trim());
            if (material.length != 32) {
                throw new IllegalArgumentException("results key " + parts[0].trim() + " must be 32 bytes");
            }
            out.put(parts[0].trim(), new SecretKeySpec(derive ? hkdf(material) : material, "AES"));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no results keys configured");
        }
        return out;
    }

    /** HKDF-SHA256 (RFC 5869) with an empty salt, one 32-byte output block. */
    static byte[] hkdf(byte[] ikm) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(HKDF_INFO);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
