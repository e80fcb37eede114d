package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** DELETE /v1/jobs/{id} removes the job and its results at once. */
class DeleteJobIT {

    @Test
    void givenCompletedJob_whenDeleted_thenJobAndResultsAreGone() {
        String jobId = Suite.api()
                .multiPart("documents", "del.png", Fixtures.png("Delete me afterwards"), "image/png")
                .when().post("/v1/jobs").then().statusCode(202).extract().path("job_id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Suite.api().get("/v1/jobs/" + jobId).then().extract().<String>path("state"))
                        .isEqualTo("completed"));
        String documentId = Suite.api().get("/v1/jobs/" + jobId).then().extract().path("documents[0].document_id");

        Suite.api().delete("/v1/jobs/" + jobId).then().statusCode(204);

        Suite.api().get("/v1/jobs/" + jobId).then().statusCode(404);
        Suite.api().get("/v1/jobs/" + jobId + "/documents/" + documentId).then().statusCode(404);
    }
}
