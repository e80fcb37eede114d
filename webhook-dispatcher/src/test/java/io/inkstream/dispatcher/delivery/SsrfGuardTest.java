package io.inkstream.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    private final SsrfGuard strict = new SsrfGuard(List.of());
    private final SsrfGuard local = new SsrfGuard(List.of("127.0.0.1", "localhost"));

    @Test
    void givenPrivateAddress_whenNotAllowListed_thenRefused() {
        assertThat(strict.check("http://10.0.0.1/hook")).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void givenMetadataAddress_whenNotAllowListed_thenRefused() {
        SsrfGuard.Verdict verdict = local.check("http://169.254.169.254/latest/meta-data");
        assertThat(verdict).isInstanceOf(SsrfGuard.Refused.class);
        assertThat(((SsrfGuard.Refused) verdict).reason()).contains("169.254.169.254");
    }

    @Test
    void givenIpv6Loopback_whenNotAllowListed_thenRefused() {
        assertThat(local.check("http://[::1]:8080/hook")).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void givenLoopback_whenAllowListed_thenAllowedWithCheckedAddress() {
        SsrfGuard.Verdict verdict = local.check("http://127.0.0.1:9999/hook?x=1");
        assertThat(verdict).isInstanceOf(SsrfGuard.Allowed.class);
        SsrfGuard.Allowed allowed = (SsrfGuard.Allowed) verdict;
        assertThat(allowed.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(allowed.port()).isEqualTo(9999);
    }

    @Test
    void givenLoopback_whenNotAllowListed_thenRefused() {
        assertThat(strict.check("http://127.0.0.1:9999/hook")).isInstanceOf(SsrfGuard.Refused.class);
        assertThat(strict.check("http://localhost:9999/hook")).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void givenOtherPrivateRanges_whenNotAllowListed_thenRefused() {
        for (String url : List.of("http://192.168.1.10/", "http://172.16.0.1/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://224.0.0.1/", "http://[fd00:ec2::254]/", "http://[::ffff:10.0.0.1]/",
                "http://[fe80::1]/")) {
            assertThat(strict.check(url)).as(url).isInstanceOf(SsrfGuard.Refused.class);
        }
    }

    @Test
    void givenPublicAddressOrBadScheme_whenChecked_thenPublicAllowedAndFileRefused() {
        assertThat(strict.check("https://93.184.215.14/hook")).isInstanceOf(SsrfGuard.Allowed.class);
        assertThat(strict.check("file:///etc/passwd")).isInstanceOf(SsrfGuard.Refused.class);
        assertThat(strict.check("http://user:pw@93.184.215.14/")).isInstanceOf(SsrfGuard.Refused.class);
    }

    @Test
    void givenRetryAfterSeconds_whenParsed_thenHonouredAboveSchedule() {
        RetryPolicy policy = new RetryPolicy(List.of(java.time.Duration.ZERO, java.time.Duration.ofSeconds(5)), 0,
                java.time.Duration.ofHours(1));
        assertThat(policy.nextDelay(1, RetryPolicy.parseRetryAfter("120", java.time.Instant.now())))
                .contains(java.time.Duration.ofSeconds(120));
        assertThat(policy.nextDelay(1, java.util.Optional.empty())).contains(java.time.Duration.ofSeconds(5));
        assertThat(policy.nextDelay(2, java.util.Optional.empty())).isEmpty();
    }
}
