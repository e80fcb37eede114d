package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Full tier: a batch of many documents is accepted whole, every document completes exactly once, and each
 * result holds its own document's words (nothing lost, nothing mixed up, nothing counted twice).
 */
class VolumeFullIT {

    static final int DOCUMENTS = Integer.getInteger("inkstream.volume.documents", 100);

    @Test
    void givenLargeBatch_whenProcessed_thenEveryDocumentCompletesOnceWithItsOwnText() {
        RequestSpecification request = Suite.api();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String word = "Volume" + Integer.toString(i, 26).toUpperCase().replace('0', 'Q').replace('1', 'W');
            words.add(word);
            request.multiPart("documents", "doc-" + i + ".png", Fixtures.png("Document " + word + " of the batch"),
                    "image/png");
        }
        String jobId = request.when().post("/v1/jobs").then().statusCode(202).extract().path("job_id");

        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(Suite.api().get("/v1/jobs/" + jobId).then().statusCode(200).extract().<String>path("state"))
                        .isEqualTo("completed"));

        JsonPath job = Suite.api().get("/v1/jobs/" + jobId).then().extract().jsonPath();
        assertThat(job.getInt("progress.documents_total")).isEqualTo(DOCUMENTS);
        assertThat(job.getInt("progress.documents_done")).isEqualTo(DOCUMENTS);
        assertThat(job.getList("documents")).hasSize(DOCUMENTS);
        for (int i = 0; i < DOCUMENTS; i += Math.max(1, DOCUMENTS / 10)) {
            String documentId = job.getString("documents.find { it.index == " + i + " }.document_id");
            String text = Suite.api().queryParam("format", "text")
                    .get("/v1/jobs/" + jobId + "/documents/" + documentId).then().statusCode(200).extract().asString();
            assertThat(text).as("document %d", i).containsIgnoringCase(words.get(i));
        }
    }
}
