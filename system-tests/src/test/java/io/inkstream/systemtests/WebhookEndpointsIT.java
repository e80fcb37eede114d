package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Registered endpoints through the public API: filtered, signed deliveries, an attempt log, SSRF refusal. */
class WebhookEndpointsIT {

    @Test
    void givenEndpointFilteredToCompletions_whenJobCompletes_thenItReceivesOnlyTheSignedCompletion() throws Exception {
        String secret = Suite.api().get("/v1/webhooks/secret").then().statusCode(200).extract().path("secret");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpointId = Suite.api().contentType("application/json")
                    .body(Map.of("url", receiver.url(), "description", "system test",
                            "event_types", List.of("job.completed")))
                    .post("/v1/webhooks/endpoints").then().statusCode(201).extract().path("endpoint_id");
            try {
                String jobId = Suite.api()
                        .multiPart("documents", "ep.png", Fixtures.png("Endpoint delivery"), "image/png")
                        .when().post("/v1/jobs").then().statusCode(202).extract().path("job_id");

                await().atMost(Duration.ofSeconds(90)).until(() -> receiver.deliveries().stream()
                        .anyMatch(d -> jobId.equals(JsonPath.from(d.body()).getString("subject"))));

                List<WebhookReceiver.Delivery> mine = receiver.deliveries().stream()
                        .filter(d -> jobId.equals(JsonPath.from(d.body()).getString("subject"))).toList();
                assertThat(mine).extracting(d -> JsonPath.from(d.body()).getString("type"))
                        .containsOnly("job.completed");
                assertThat(WebhookIT.verifies(secret, mine.get(0))).isTrue();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Suite.api()
                        .get("/v1/webhooks/endpoints/" + endpointId + "/attempts").then().statusCode(200)
                        .extract().jsonPath().getList("attempts")).isNotEmpty());
            } finally {
                Suite.api().delete("/v1/webhooks/endpoints/" + endpointId).then().statusCode(204);
            }
        }
    }

    @Test
    void givenPrivateAddress_whenRegisteringEndpoint_thenRefusedNamingTheUrl() {
        Suite.api().contentType("application/json").body(Map.of("url", "http://10.0.0.1/hook"))
                .post("/v1/webhooks/endpoints")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_REQUEST"));
    }
}
