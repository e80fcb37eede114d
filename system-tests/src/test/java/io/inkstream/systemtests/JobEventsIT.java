package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GET /v1/jobs/{id}/events streams the job's state as Server-Sent Events and ends after the final state. */
class JobEventsIT {

    @Test
    void givenSubmittedJob_whenWatchingItsEvents_thenStreamShowsCompletionAndEnds() {
        String jobId = Suite.api()
                .multiPart("documents", "sse.png", Fixtures.png("Watch me finish"), "image/png")
                .when().post("/v1/jobs")
                .then().statusCode(202).extract().path("job_id");

        // The body is complete only once the server closes the stream, i.e. after the final state.
        String stream = Suite.api().header("Accept", "text/event-stream")
                .when().get("/v1/jobs/" + jobId + "/events")
                .then().statusCode(200).extract().asString();

        assertThat(stream).containsPattern("event: ?job\\.snapshot");
        assertThat(stream).containsPattern("event: ?job\\.completed|\"state\":\"completed\"");
    }
}
