package io.inkstream.dispatcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Json;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.dispatcher.config.Channels;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/** End to end inside one process: in-memory events in, real PostgreSQL, real HTTP to a local receiver. */
@QuarkusTest
class DeliveryFlowTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static TestReceiver receiver;

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void givenEventWithWebhookUrl_whenConsumed_thenDeliveredOnceSignedAndVerifiable() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String payload = event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("ok", key));

        send(payload);

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveredCount(tenant, jobId) == 1);
        List<TestReceiver.Received> got = receiver.receivedAt("ok", key);
        assertThat(got).hasSize(1);
        TestReceiver.Received r = got.get(0);
        assertThat(r.body()).isEqualTo(payload);
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        assertThat(r.headers().get("webhook-id")).isEqualTo(eventId(payload));
        String secret = given().get("/internal/v1/tenants/{t}/secret", tenant).then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().path("secret");
        String expected = hmac(secret, r.headers().get("webhook-id"), r.headers().get("webhook-timestamp"), r.body());
        assertThat(r.headers().get("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void givenReceiverFailingTwice_whenDelivered_thenThreeAttemptsAndOneDelivery() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        send(event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("flaky", key)));

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveredCount(tenant, jobId) == 1);
        JsonPath messages = messages(tenant, jobId);
        assertThat(messages.getList("messages")).hasSize(1);
        assertThat(messages.getInt("messages[0].attempt_count")).isEqualTo(3);
        assertThat(messages.getList("messages[0].attempts.status_code", Integer.class)).containsExactly(500, 500, 200);
        assertThat(messages.getList("messages[0].attempts.outcome", String.class))
                .containsExactly("failure", "failure", "success");
        assertThat(receiver.receivedAt("flaky", key)).hasSize(3);
    }

    @Test
    void givenRedirectingReceiver_whenDelivered_thenNotFollowedAndFailedAfterSchedule() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String payload = event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("redirect", key));

        send(payload);

        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(status(tenant, jobId)));
        JsonPath messages = messages(tenant, jobId);
        assertThat(messages.getList("messages[0].attempts.status_code", Integer.class)).containsExactly(302, 302, 302);
        assertThat(messages.getString("messages[0].last_error")).contains("redirect");
        assertThat(receiver.receivedAt("ok", "followed-" + key)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.sink(Channels.WEBHOOKS_DLQ).received()
                .stream().anyMatch(m -> payload.equals(m.getPayload())));
    }

    @Test
    void givenSameEventTwice_whenConsumed_thenOneMessageAndOneDelivery() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String payload = event(jobId, tenant, EventTypes.EXTRACTION_COMPLETED, receiver.url("ok", key));

        send(payload);
        send(payload);

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveredCount(tenant, jobId) == 1);
        assertThat(messages(tenant, jobId).getList("messages")).hasSize(1);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.receivedAt("ok", key).size() == 1);
    }

    @Test
    void givenProgressEventOrNoWebhookUrl_whenConsumed_thenNoMessage() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        send(event(jobId, tenant, EventTypes.JOB_PROGRESS, receiver.url("ok", key)));
        send(event(jobId, tenant, EventTypes.JOB_ACCEPTED, null));
        // a later event of the same job proves the earlier ones were processed (one ordered channel)
        send(event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("ok", key)));

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveredCount(tenant, jobId) == 1);
        assertThat(messages(tenant, jobId).getList("messages.event_type", String.class))
                .containsExactly(EventTypes.JOB_COMPLETED);
    }

    @Test
    void givenTargetOnPrivateAddress_whenDelivered_thenRefusedWithoutRetry() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();

        send(event(jobId, tenant, EventTypes.JOB_COMPLETED, "http://10.0.0.1/hook"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(status(tenant, jobId)));
        JsonPath messages = messages(tenant, jobId);
        assertThat(messages.getInt("messages[0].attempt_count")).isEqualTo(1);
        assertThat(messages.getString("messages[0].attempts[0].error")).contains("refused").contains("10.0.0.1");
        assertThat(messages.getString("messages[0].attempts[0].outcome")).isEqualTo("rejected");
    }

    @Test
    void givenGoneReceiver_whenDelivered_thenFailedAfterOneAttempt() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();

        send(event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("gone", UUID.randomUUID().toString())));

        await().atMost(Duration.ofSeconds(60)).until(() -> "failed".equals(status(tenant, jobId)));
        assertThat(messages(tenant, jobId).getInt("messages[0].attempt_count")).isEqualTo(1);
    }

    @Test
    void givenRotatedSecret_whenDelivered_thenSignedWithOldAndNewSecret() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String jobId = "job_" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String oldSecret = given().get("/internal/v1/tenants/{t}/secret", tenant).then().statusCode(200)
                .extract().path("secret");
        String newSecret = given().post("/internal/v1/tenants/{t}/secret/rotate", tenant).then().statusCode(200)
                .extract().path("secret");
        given().get("/internal/v1/tenants/{t}/secret", tenant).then().body("secret", equalTo(newSecret));

        send(event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("ok", key)));

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.receivedAt("ok", key).size() == 1);
        TestReceiver.Received r = receiver.receivedAt("ok", key).get(0);
        String id = r.headers().get("webhook-id");
        String ts = r.headers().get("webhook-timestamp");
        assertThat(r.headers().get("webhook-signature").split(" "))
                .containsExactly(hmac(newSecret, id, ts, r.body()), hmac(oldSecret, id, ts, r.body()));
    }

    @Test
    void givenBadInput_whenCallingApi_thenProblemJson400() {
        given().get("/internal/v1/tenants/{t}/messages", "tenant-1").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().get("/internal/v1/tenants/{t}/secret", "bad tenant!").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().get("/internal/v1/nothing").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    private void send(String payload) {
        connector.source(Channels.EVENTS_IN).send(payload);
    }

    private static JsonPath messages(String tenant, String jobId) {
        return given().queryParam("job_id", jobId).get("/internal/v1/tenants/{t}/messages", tenant).then()
                .statusCode(200).extract().jsonPath();
    }

    private static long deliveredCount(String tenant, String jobId) {
        return messages(tenant, jobId).getList("messages.status", String.class).stream()
                .filter("delivered"::equals).count();
    }

    private static String status(String tenant, String jobId) {
        List<String> statuses = messages(tenant, jobId).getList("messages.status", String.class);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static String event(String jobId, String tenant, String type, String url) throws Exception {
        JobEventData data = new JobEventData(JobEventData.SCHEMA_VERSION, jobId, tenant, false, "completed", "ocr",
                null, null, url, Map.of("k", "v"));
        String id = UUID.nameUUIDFromBytes((jobId + type).getBytes(StandardCharsets.UTF_8)).toString();
        return MAPPER.writeValueAsString(CloudEvent.of(MAPPER, id, "/inkstream/result-store", type, jobId,
                Instant.now(), data));
    }

    private static String eventId(String payload) throws Exception {
        return MAPPER.readTree(payload).get("id").asText();
    }

    /** An independent Standard Webhooks v1 computation, not the production signer. */
    private static String hmac(String secret, String id, String ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
