package io.inkstream.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Prefer: wait=N is honoured up to the configured maximum; respond-async is recognised. */
class PreferTest {

    private static final Duration DEFAULT = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void givenNoHeader_whenParsed_thenDefaultWaitAndSync() {
        assertThat(Prefer.parse(null, DEFAULT, MAX)).isEqualTo(new Prefer(false, DEFAULT));
    }

    @Test
    void givenWaitAboveMaximum_whenParsed_thenCappedAtMaximum() {
        assertThat(Prefer.parse("wait=600", DEFAULT, MAX).waitFor()).isEqualTo(MAX);
    }

    @Test
    void givenRespondAsyncAndWait_whenParsed_thenBothRead() {
        Prefer p = Prefer.parse("respond-async, wait=5", DEFAULT, MAX);
        assertThat(p.respondAsync()).isTrue();
        assertThat(p.waitFor()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenGarbledWait_whenParsed_thenIgnoredPerRfc7240() {
        assertThat(Prefer.parse("wait=soon", DEFAULT, MAX).waitFor()).isEqualTo(DEFAULT);
    }
}
