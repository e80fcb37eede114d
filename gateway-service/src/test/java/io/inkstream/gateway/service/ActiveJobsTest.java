package io.inkstream.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.rest.ApiException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Concurrent-job limits per plan, counted in the real Redis the test run provides. */
@QuarkusTest
class ActiveJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    ActiveJobs activeJobs;

    @Test
    void givenFreePlanWithTwoUnfinishedJobs_whenThirdIsSubmitted_thenRateLimited() {
        Tenant free = new Tenant("t-" + UUID.randomUUID(), false, "free");
        activeJobs.admit(free, "job_a").await().atMost(WAIT);
        activeJobs.admit(free, "job_b").await().atMost(WAIT);

        assertThatThrownBy(() -> activeJobs.admit(free, "job_c").await().atMost(WAIT))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    }

    @Test
    void givenLimitReached_whenOneJobFinishes_thenTheNextIsAdmitted() {
        Tenant free = new Tenant("t-" + UUID.randomUUID(), false, "free");
        activeJobs.admit(free, "job_a").await().atMost(WAIT);
        activeJobs.admit(free, "job_b").await().atMost(WAIT);

        activeJobs.release(free.id(), false, "job_a").await().atMost(WAIT);

        activeJobs.admit(free, "job_c").await().atMost(WAIT);
    }

    @Test
    void givenAdmittedJob_whenItsRetryIsAdmittedAtTheLimit_thenItStillPasses() {
        Tenant free = new Tenant("t-" + UUID.randomUUID(), false, "free");
        activeJobs.admit(free, "job_a").await().atMost(WAIT);
        activeJobs.admit(free, "job_b").await().atMost(WAIT);

        activeJobs.admit(free, "job_b").await().atMost(WAIT);
    }

    @Test
    void givenTestKeyJobs_whenCounted_thenLiveJobsAreCountedApart() {
        String tenant = "t-" + UUID.randomUUID();
        Tenant live = new Tenant(tenant, false, "free");
        Tenant test = new Tenant(tenant, true, "free");
        activeJobs.admit(test, "job_t1").await().atMost(WAIT);
        activeJobs.admit(test, "job_t2").await().atMost(WAIT);

        activeJobs.admit(live, "job_l1").await().atMost(WAIT);
    }
}
