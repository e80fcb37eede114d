package io.inkstream.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Derived ids are stable, distinct per input and well-formed version-5 UUIDs. */
class IdsTest {

    @Test
    void givenSameTenantAndKey_whenDerived_thenSameJobId() {
        assertThat(Ids.jobId("t1", "k")).isEqualTo(Ids.jobId("t1", "k"));
    }

    @Test
    void givenOtherTenant_whenDerived_thenOtherJobId() {
        assertThat(Ids.jobId("t1", "k")).isNotEqualTo(Ids.jobId("t2", "k"));
    }

    @Test
    void givenRfcExample_whenDerivingV5_thenMatchesKnownValue() {
        // RFC 9562 appendix: DNS namespace, "www.example.com"
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Ids.uuidV5(dns, "www.example.com").toString()).isEqualTo("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void givenJob_whenDocumentIdsDerived_thenOnePerIndex() {
        String job = Ids.newJobId();
        assertThat(Ids.documentId(job, 0)).startsWith("doc_").isNotEqualTo(Ids.documentId(job, 1));
    }
}
