package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A sync extract goes through Kafka and a real Tesseract worker and answers with the document's words. */
class SyncExtractIT {

    @Test
    void givenRenderedImage_whenExtractedSynchronously_thenItsWordsComeBack() {
        JsonPath body = Suite.api()
                .multiPart("document", "line.png", Fixtures.png("Inkstream reads invoices quickly"), "image/png")
                .header("Prefer", "wait=60")
                .when().post("/v1/extract")
                .then().statusCode(200).extract().jsonPath();

        assertThat(body.getString("state")).isEqualTo("completed");
        assertThat(body.getString("result.text")).containsIgnoringCase("Inkstream").containsIgnoringCase("invoices");
        assertThat(body.getList("result.pages")).hasSize(1);
        assertThat(body.getDouble("result.pages[0].confidence")).isBetween(0.5, 1.0);
    }

    @Test
    void givenRequestId_whenExtractedSynchronously_thenTheIdTravelsThroughDocumentsResultsAndEvents() {
        String requestId = "sys-" + UUID.randomUUID();
        try (TopicReader documents = new TopicReader("inkstream.documents.interactive", "read_committed");
                TopicReader results = new TopicReader("inkstream.results", "read_committed");
                TopicReader events = new TopicReader("inkstream.events", "read_committed")) {

            Suite.api().header("X-Request-Id", requestId)
                    .multiPart("document", "id.png", Fixtures.png("Traced through Kafka"), "image/png")
                    .header("Prefer", "wait=60")
                    .when().post("/v1/extract")
                    .then().statusCode(200).header("X-Request-Id", requestId);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(documents.matching(r -> requestId.equals(TopicReader.header(r, "x-request-id"))))
                        .isNotEmpty();
                assertThat(results.matching(r -> requestId.equals(TopicReader.header(r, "x-request-id"))))
                        .isNotEmpty();
                assertThat(events.matching(r -> requestId.equals(TopicReader.header(r, "x-request-id"))))
                        .isNotEmpty();
            });
        }
    }
}
