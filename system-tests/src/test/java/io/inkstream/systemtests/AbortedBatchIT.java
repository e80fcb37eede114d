package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.inkstream.contracts.Ids;

/**
 * A batch whose Kafka transaction is aborted leaves nothing a read_committed consumer can see. The abort is
 * the gateway's test fault hook (enabled only outside the prod profile).
 */
class AbortedBatchIT {

    @Test
    void givenPublicationAborted_whenReadCommitted_thenNoRecordOfTheBatchIsVisible() {
        String key = "abort-" + UUID.randomUUID();
        String jobId = Ids.jobId(Suite.TENANT, key);
        try (TopicReader committedJobs = new TopicReader("inkstream.jobs", "read_committed");
                TopicReader committedDocs = new TopicReader("inkstream.documents", "read_committed");
                TopicReader uncommittedJobs = new TopicReader("inkstream.jobs", "read_uncommitted")) {

            Suite.api().header("Idempotency-Key", key).header("X-Inkstream-Fault", "abort-publication")
                    .multiPart("documents", "a.png", Fixtures.png("never visible"), "image/png")
                    .multiPart("documents", "b.png", Fixtures.png("also never visible"), "image/png")
                    .when().post("/v1/jobs")
                    .then().statusCode(503);

            // The records were written (a read_uncommitted consumer sees them) ...
            assertThat(uncommittedJobs.matching(r -> jobId.equals(r.key()))).hasSize(1);
            // ... but the abort hides them from read_committed consumers: no job, no document.
            assertThat(committedJobs.matching(r -> jobId.equals(r.key()))).isEmpty();
            assertThat(committedDocs.matching(r -> r.value().contains(jobId))).isEmpty();
        }
        Suite.api().get("/v1/jobs/" + jobId).then().statusCode(404);
    }
}
