package io.inkstream.resultstore.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.inkstream.contracts.crypto.AesGcmKeyRing;
import io.inkstream.resultstore.config.InkstreamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * AES-256-GCM for results at rest, through the shared {@link AesGcmKeyRing}. Keys come from
 * {@code inkstream.results.keys}; without them, per-purpose subkeys are derived (HKDF-SHA256) from the blob keys
 * with the same ids. The key id is stored beside each value; every configured key stays readable.
 * Layout of a sealed value: 12-byte nonce, then ciphertext with its 16-byte tag.
 */
@ApplicationScoped
public class ResultCipher {

    private static final byte[] HKDF_INFO = "inkstream/result-store/results-at-rest/v1".getBytes(StandardCharsets.UTF_8);
    private static final String WHAT = "results key";

    /** A value encrypted under key {@code keyId}. */
    public record Sealed(String keyId, byte[] data) {
    }

    private AesGcmKeyRing ring;

    ResultCipher() {
    }

    @Inject
    public ResultCipher(InkstreamConfig config) {
        boolean derived = config.results().keys().isEmpty();
        String spec = config.results().keys().or(() -> config.blob().keys())
                .orElseThrow(() -> new IllegalStateException(
                        "inkstream.results.keys or inkstream.blob.keys is required to encrypt results"));
        String primary = derived ? config.blob().primaryKey().orElse(null)
                : config.results().primaryKey().orElse(null);
        this.ring = AesGcmKeyRing.parse(spec, primary, WHAT,
                derived ? ResultCipher::hkdf : UnaryOperator.identity());
    }

    /** A cipher over explicit keys ("id:base64,..."), for tools and tests. */
    public static ResultCipher of(String keys, String primaryKeyId) {
        ResultCipher c = new ResultCipher();
        c.ring = AesGcmKeyRing.parse(keys, primaryKeyId, WHAT, UnaryOperator.identity());
        return c;
    }

    public String primaryKeyId() {
        return ring.primaryKeyId();
    }

    /** Encrypts under the primary key; {@code context} (e.g. "page:doc_x:3") is bound as associated data. */
    public Sealed seal(byte[] plain, String context) {
        AesGcmKeyRing.Sealed s = ring.seal(plain, context.getBytes(StandardCharsets.UTF_8));
        return new Sealed(s.keyId(), s.data());
    }

    public byte[] open(String keyId, byte[] sealed, String context) {
        return ring.open(keyId, sealed, context.getBytes(StandardCharsets.UTF_8));
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
