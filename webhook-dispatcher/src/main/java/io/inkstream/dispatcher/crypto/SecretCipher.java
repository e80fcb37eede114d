package io.inkstream.dispatcher.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing secrets at rest with AES-256-GCM under a key ring ("id:base64-32-bytes[,id2:...]").
 * The first key encrypts; any listed key decrypts, so keys can be rotated by prepending a new one.
 */
public final class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String primaryKeyId;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(Map<String, SecretKeySpec> keys, String primaryKeyId) {
        this.keys = keys;
        this.primaryKeyId = primaryKeyId;
    }

    /** Parses "id:base64-32-bytes[,id2:...]"; rejects an empty ring, duplicate ids and keys that are not 32 bytes. */
    public static SecretCipher parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("inkstream.webhooks.secret-keys is empty");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String primary = null;
        for (String part : spec.split(",")) {
            String trimmed = part.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("secret key entry must be id:base64 (entry " + keys.size() + ")");
            }
            String id = trimmed.substring(0, colon);
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("secret key " + id + " is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("secret key " + id + " must be 32 bytes, is " + raw.length);
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(raw, "AES")) != null) {
                throw new IllegalArgumentException("duplicate secret key id " + id);
            }
            if (primary == null) {
                primary = id;
            }
        }
        return new SecretCipher(keys, primary);
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** Returns base64(iv || ciphertext+tag) under the primary key; the key id is bound as associated data. */
    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(primaryKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(primaryKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret encryption failed", e);
        }
    }

    /** Decrypts a value written by {@link #encrypt} under key {@code keyId}. */
    public String decrypt(String keyId, String encoded) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("secret key " + keyId + " is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret decryption failed under key " + keyId, e);
        }
    }
}
