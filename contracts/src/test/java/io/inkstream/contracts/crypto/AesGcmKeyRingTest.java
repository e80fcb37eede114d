package io.inkstream.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/** Small values at rest: round trip, rotation, binding to their context, refusal of bad keys. */
class AesGcmKeyRingTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final byte[] AAD = "page:doc_1:1".getBytes(StandardCharsets.UTF_8);

    @Test
    void givenValue_whenSealedAndOpened_thenSameBytes() {
        AesGcmKeyRing ring = AesGcmKeyRing.parse(K1, null, "test key", UnaryOperator.identity());
        AesGcmKeyRing.Sealed s = ring.seal("secret text".getBytes(), AAD);
        assertThat(new String(ring.open(s.keyId(), s.data(), AAD))).isEqualTo("secret text");
        assertThat(new String(s.data(), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
    }

    @Test
    void givenRotatedRing_whenOldValueOpened_thenReadableAndNewValuesUseNewPrimary() {
        AesGcmKeyRing old = AesGcmKeyRing.parse(K1, null, "test key", UnaryOperator.identity());
        AesGcmKeyRing.Sealed s = old.seal("v".getBytes(), AAD);
        AesGcmKeyRing rotated = AesGcmKeyRing.parse(K1 + "," + K2, "k2", "test key", UnaryOperator.identity());
        assertThat(rotated.open("k1", s.data(), AAD)).isEqualTo("v".getBytes());
        assertThat(rotated.seal("w".getBytes(), AAD).keyId()).isEqualTo("k2");
    }

    @Test
    void givenOtherContext_whenOpened_thenFails() {
        AesGcmKeyRing ring = AesGcmKeyRing.parse(K1, null, "test key", UnaryOperator.identity());
        AesGcmKeyRing.Sealed s = ring.seal("v".getBytes(), AAD);
        assertThatThrownBy(() -> ring.open("k1", s.data(), "page:doc_2:1".getBytes()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenShortOrDuplicateKeys_whenParsed_thenRefused() {
        assertThatThrownBy(() -> AesGcmKeyRing.parse("k1:AAEC", null, "test key", UnaryOperator.identity()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> AesGcmKeyRing.parse(K1 + "," + K1, null, "test key", UnaryOperator.identity()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }
}
