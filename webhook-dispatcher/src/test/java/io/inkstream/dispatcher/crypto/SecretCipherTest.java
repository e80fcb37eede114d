package io.inkstream.dispatcher.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String K1 = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String K2 = "k2:HxwdHhscGRoXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";

    @Test
    void givenKeyRing_whenEncryptingThenDecrypting_thenRoundTrips() {
        SecretCipher cipher = SecretCipher.parse(K1);
        String enc = cipher.encrypt("whsec_abc");
        assertThat(enc).doesNotContain("whsec_abc");
        assertThat(cipher.decrypt("k1", enc)).isEqualTo("whsec_abc");
    }

    @Test
    void givenRotatedRing_whenDecryptingOldValue_thenOldKeyStillReads() {
        String enc = SecretCipher.parse(K1).encrypt("whsec_old");
        SecretCipher rotated = SecretCipher.parse(K2 + "," + K1);
        assertThat(rotated.primaryKeyId()).isEqualTo("k2");
        assertThat(rotated.decrypt("k1", enc)).isEqualTo("whsec_old");
    }

    @Test
    void givenWrongKeyId_whenDecrypting_thenFails() {
        String enc = SecretCipher.parse(K1).encrypt("whsec_x");
        SecretCipher both = SecretCipher.parse(K2 + "," + K1);
        assertThatThrownBy(() -> both.decrypt("k2", enc)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenShortKey_whenParsing_thenRejected() {
        assertThatThrownBy(() -> SecretCipher.parse("k1:AAEC")).isInstanceOf(IllegalArgumentException.class);
    }
}
