package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A batch is accepted at once and completes in the background. */
class AsyncJobIT {

    @Test
    void givenTwoDocuments_whenSubmittedAsJob_thenJobReachesCompletedWithBothResults() {
        JsonPath accepted = Suite.api()
                .multiPart("documents", "a.png", Fixtures.png("First page of the batch"), "image/png")
                .multiPart("documents", "b.png", Fixtures.png("Second page of the batch"), "image/png")
                .when().post("/v1/jobs")
                .then().statusCode(202).extract().jsonPath();
        String jobId = accepted.getString("job_id");
        assertThat(jobId).startsWith("job_");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(Suite.api().get("/v1/jobs/" + jobId).then().statusCode(200).extract().jsonPath()
                        .getString("state")).isEqualTo("completed"));

        JsonPath job = Suite.api().get("/v1/jobs/" + jobId).then().extract().jsonPath();
        assertThat(job.getInt("progress.documents_done")).isEqualTo(2);
        String second = job.getString("documents.find { it.index == 1 }.document_id");
        String text = Suite.api().queryParam("format", "text")
                .get("/v1/jobs/" + jobId + "/documents/" + second)
                .then().statusCode(200).extract().asString();
        assertThat(text).containsIgnoringCase("Second");
    }

    @Test
    void givenJobOfAnotherTenantOrUnknown_whenRead_thenNotFoundProblem() {
        Suite.api().get("/v1/jobs/job_00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
    }
}
