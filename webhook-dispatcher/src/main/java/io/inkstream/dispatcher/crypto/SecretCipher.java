package io.inkstream.dispatcher.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

import io.inkstream.contracts.crypto.AesGcmKeyRing;

/**
 * Encrypts signing secrets at rest with AES-256-GCM under the shared key ring ("id:base64-32-bytes[,id2:...]").
 * The first key encrypts; any listed key decrypts, so keys can be rotated by prepending a new one.
 */
public final class SecretCipher {

    private final AesGcmKeyRing ring;

    private SecretCipher(AesGcmKeyRing ring) {
        this.ring = ring;
    }

    /** Parses "id:base64-32-bytes[,id2:...]"; rejects an empty ring, duplicate ids and keys that are not 32 bytes. */
    public static SecretCipher parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("inkstream.webhooks.secret-keys is empty");
        }
        return new SecretCipher(AesGcmKeyRing.parse(spec, null, "secret key", UnaryOperator.identity()));
    }

    public String primaryKeyId() {
        return ring.primaryKeyId();
    }

    /** Returns base64(iv || ciphertext+tag) under the primary key; the key id is bound as associated data. */
    public String encrypt(String plaintext) {
        AesGcmKeyRing.Sealed sealed = ring.seal(plaintext.getBytes(StandardCharsets.UTF_8),
                ring.primaryKeyId().getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sealed.data());
    }

    /** Decrypts a value written by {@link #encrypt} under key {@code keyId}. */
    public String decrypt(String keyId, String encoded) {
        byte[] plain = ring.open(keyId, Base64.getDecoder().decode(encoded), keyId.getBytes(StandardCharsets.UTF_8));
        return new String(plain, StandardCharsets.UTF_8);
    }
}
