package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A job's webhook_url receives its completion once, signed per Standard Webhooks v1. */
class WebhookIT {

    @Test
    void givenJobWithWebhookUrl_whenItCompletes_thenExactlyOneSignedJobCompletedArrives() throws Exception {
        String secret = Suite.api().get("/v1/webhooks/secret").then().statusCode(200).extract().path("secret");
        assertThat(secret).startsWith("whsec_");

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String jobId = Suite.api()
                    .multiPart("documents", "hook.png", Fixtures.png("Deliver me signed"), "image/png")
                    .multiPart("webhook_url", receiver.url())
                    .when().post("/v1/jobs")
                    .then().statusCode(202).extract().path("job_id");

            await().atMost(Duration.ofSeconds(90)).until(() -> !completions(receiver, jobId).isEmpty());
            // Every delivery the dispatcher scheduled for this job is settled before counting.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath messages = Suite.api().queryParam("job_id", jobId).get("/v1/webhooks/messages")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(messages.getList("messages.status", String.class)).isNotEmpty()
                        .allMatch(s -> s.equals("delivered"));
            });

            List<WebhookReceiver.Delivery> completed = completions(receiver, jobId);
            assertThat(completed).hasSize(1);
            WebhookReceiver.Delivery d = completed.get(0);
            assertThat(verifies(secret, d)).as("webhook-signature verifies").isTrue();
            assertThat(JsonPath.from(d.body()).getString("data.state")).isEqualTo("completed");
        }
    }

    private static List<WebhookReceiver.Delivery> completions(WebhookReceiver receiver, String jobId) {
        return receiver.deliveries().stream()
                .filter(d -> "job.completed".equals(JsonPath.from(d.body()).getString("type")))
                .filter(d -> jobId.equals(JsonPath.from(d.body()).getString("subject")))
                .toList();
    }

    /** Standard Webhooks v1: any space-separated v1 signature over "{id}.{timestamp}.{body}" matches. */
    static boolean verifies(String secret, WebhookReceiver.Delivery d) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = d.headers().get("webhook-id") + "." + d.headers().get("webhook-timestamp") + "." + d.body();
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String sig : d.headers().getOrDefault("webhook-signature", "").split(" ")) {
            if (sig.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }
}
