package io.inkstream.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EndpointGuardTest {

    private static final long S = 1_000_000_000L;

    @Test
    void givenConsecutiveFailures_whenThresholdReached_thenBreakerOpensThenAllowsOneTrial() {
        EndpointGuard guard = new EndpointGuard(10, 3, Duration.ofSeconds(30), Duration.ofMillis(250));
        for (int i = 0; i < 3; i++) {
            assertThat(guard.tryAcquire(0, null)).isNull();
            guard.release(0, true, true);
        }
        assertThat(guard.isOpen(1)).isTrue();
        assertThat(guard.tryAcquire(10 * S, null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(guard.tryAcquire(31 * S, null)).as("trial").isNull();
        assertThat(guard.tryAcquire(31 * S, null)).as("only one trial").isEqualTo(Duration.ofMillis(250));
        guard.release(32 * S, true, false);
        assertThat(guard.isOpen(32 * S)).isFalse();
        assertThat(guard.tryAcquire(32 * S, null)).isNull();
    }

    @Test
    void givenFailedTrial_whenReleased_thenBreakerReopens() {
        EndpointGuard guard = new EndpointGuard(10, 1, Duration.ofSeconds(30), Duration.ofMillis(250));
        guard.tryAcquire(0, null);
        guard.release(0, true, true);
        assertThat(guard.tryAcquire(31 * S, null)).isNull();
        guard.release(31 * S, true, true);
        assertThat(guard.tryAcquire(32 * S, null)).isEqualTo(Duration.ofSeconds(29));
    }

    @Test
    void givenConcurrencyLimit_whenFull_thenWaitUntilSlotReturned() {
        EndpointGuard guard = new EndpointGuard(2, 5, Duration.ofSeconds(30), Duration.ofMillis(250));
        assertThat(guard.tryAcquire(0, null)).isNull();
        assertThat(guard.tryAcquire(0, null)).isNull();
        assertThat(guard.tryAcquire(0, null)).isEqualTo(Duration.ofMillis(250));
        guard.release(0, true, false);
        assertThat(guard.tryAcquire(0, null)).isNull();
    }

    @Test
    void givenRateLimit_whenBucketEmpty_thenWaitForNextToken() {
        EndpointGuard guard = new EndpointGuard(100, 5, Duration.ofSeconds(30), Duration.ofMillis(250));
        assertThat(guard.tryAcquire(0, 2)).isNull();
        assertThat(guard.tryAcquire(0, 2)).isNull();
        Duration wait = guard.tryAcquire(0, 2);
        assertThat(wait).isNotNull().isBetween(Duration.ofMillis(400), Duration.ofMillis(600));
        assertThat(guard.tryAcquire(S / 2, 2)).isNull();
    }

    @Test
    void givenPermanentOutcomes_whenReleased_thenBreakerUnaffected() {
        EndpointGuard guard = new EndpointGuard(10, 1, Duration.ofSeconds(30), Duration.ofMillis(250));
        guard.tryAcquire(0, null);
        guard.release(0, false, true);
        assertThat(guard.isOpen(0)).isFalse();
    }
}
