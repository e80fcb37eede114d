package io.inkstream.contracts.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for small values at rest (results, signing secrets) under a key ring configured as
 * {@code id:base64(32 bytes)[,id2:…]}. The primary key encrypts; every listed key decrypts, so keys rotate
 * without downtime. A sealed value is the 12-byte nonce followed by ciphertext and tag; the key id is stored
 * beside it by the caller.
 */
public final class AesGcmKeyRing {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /** A value encrypted under key {@code keyId}. */
    public record Sealed(String keyId, byte[] data) {
    }

    private final Map<String, SecretKeySpec> keys;
    private final String primaryKeyId;
    private final SecureRandom random = new SecureRandom();

    private AesGcmKeyRing(Map<String, SecretKeySpec> keys, String primaryKeyId) {
        this.keys = keys;
        this.primaryKeyId = primaryKeyId;
    }

    /**
     * @param what names the keys in error messages (e.g. "results key")
     * @param primaryKeyId the encrypting key; the first listed when null or blank
     * @param derive maps configured key material to the key actually used (identity, or a purpose subkey)
     */
    public static AesGcmKeyRing parse(String spec, String primaryKeyId, String what, UnaryOperator<byte[]> derive) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no " + what + "s configured");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException(what + " entries look like id:base64");
            }
            String id = parts[0].trim();
            byte[] material;
            try {
                material = Base64.getDecoder().decode(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " " + id + " is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException(what + " " + id + " must be 32 bytes, is " + material.length);
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(derive.apply(material), "AES")) != null) {
                throw new IllegalArgumentException("duplicate " + what + " id " + id);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no " + what + "s configured");
        }
        String primary = primaryKeyId == null || primaryKeyId.isBlank() ? keys.keySet().iterator().next()
                : primaryKeyId;
        if (!keys.containsKey(primary)) {
            throw new IllegalArgumentException("primary " + what + " " + primary + " is not among the keys");
        }
        return new AesGcmKeyRing(Map.copyOf(keys), primary);
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** Encrypts under the primary key, binding {@code associatedData} (where the value lives, or its key id). */
    public Sealed seal(byte[] plain, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(primaryKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData);
            byte[] ct = c.doFinal(plain);
            return new Sealed(primaryKeyId, ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts a value sealed under {@code keyId}; a wrong key, context or tampered byte fails. */
    public byte[] open(String keyId, byte[] sealed, byte[] associatedData) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("key " + keyId + " is not configured");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            c.updateAAD(associatedData);
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed under key " + keyId, e);
        }
    }
}
