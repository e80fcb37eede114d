package io.inkstream.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bucket allows the burst at once, then refills at the plan's rate, and says when to retry. */
class TokenBucketTest {

    @Test
    void givenFullBucket_whenBurstIsSpent_thenNextRequestIsRefusedWithRetryAfter() {
        TokenBucket bucket = new TokenBucket(15, 0);
        for (int i = 0; i < 15; i++) {
            assertThat(bucket.take(10, 15, 0).allowed()).as("request %d", i).isTrue();
        }
        RateLimitDecision refused = bucket.take(10, 15, 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(refused.remaining()).isZero();
    }

    @Test
    void givenEmptyBucket_whenOneRefillIntervalPasses_thenOneRequestIsAllowed() {
        TokenBucket bucket = new TokenBucket(1, 0);
        assertThat(bucket.take(10, 1, 0).allowed()).isTrue();
        assertThat(bucket.take(10, 1, 1_000).allowed()).isFalse();
        assertThat(bucket.take(10, 1, 7_000).allowed()).isTrue();
    }

    @Test
    void givenDecision_whenRendered_thenIetfHeaderSyntax() {
        RateLimitDecision d = new RateLimitDecision(true, 100, 42, 35, 0, false);
        assertThat(d.policyHeader()).isEqualTo("\"burst\";q=100;w=60");
        assertThat(d.limitHeader()).isEqualTo("\"burst\";r=42;t=35");
    }
}
