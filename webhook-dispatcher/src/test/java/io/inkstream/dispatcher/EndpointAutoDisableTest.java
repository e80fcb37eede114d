package io.inkstream.dispatcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Json;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.dispatcher.config.Channels;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/**
 * Auto-disable of an endpoint failing for the whole window, and endpoint.disabled to its healthy siblings. Time
 * passing is simulated by moving an endpoint's failure clock back, so nothing depends on how fast retries run.
 */
@QuarkusTest
@TestProfile(EndpointAutoDisableTest.OneHourWindow.class)
class EndpointAutoDisableTest {

    /** A one-hour failure window (a test-scoped override of the 5-day default); the breaker never opens. */
    public static class OneHourWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inkstream.webhooks.disable-after", "1h",
                    "inkstream.webhooks.breaker-failure-threshold", "1000");
        }
    }

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TestReceiver receiver;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void givenEndpointFailingPastWindow_whenDelivered_thenDisabledAndSiblingNotifiedOnce() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String siblingKey = UUID.randomUUID().toString();
        String deadId = createEndpoint(tenant, receiver.url("switch", UUID.randomUUID().toString()), List.of());
        String siblingId = createEndpoint(tenant, receiver.url("ok", siblingKey), List.of("endpoint.disabled"));
        String firstJob = "job_" + UUID.randomUUID();
        send(event(firstJob, tenant, EventTypes.JOB_COMPLETED));
        await().atMost(WAIT).until(() -> "failed".equals(status(tenant, firstJob)));
        assertThat(endpoint(tenant, deadId).getBoolean("enabled")).isTrue();
        failingForTwoHours(deadId);
        String jobId = "job_" + UUID.randomUUID();

        send(event(jobId, tenant, EventTypes.JOB_COMPLETED));

        await().atMost(WAIT).until(() -> !endpoint(tenant, deadId).getBoolean("enabled"));
        JsonPath dead = endpoint(tenant, deadId);
        assertThat(dead.getString("disabled_reason")).contains("no success").contains("503");
        assertThat(dead.getString("disabled_at")).isNotNull();
        // the undelivered message is held, not failed: it goes out once the endpoint is enabled again
        assertThat(messages(tenant, jobId).getList("messages.status", String.class)).containsExactly("pending");
        await().atMost(WAIT).until(() -> receiver.receivedAt("ok", siblingKey).size() == 1);
        TestReceiver.Received got = receiver.receivedAt("ok", siblingKey).get(0);
        JsonNode event = MAPPER.readTree(got.body());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("endpoint.disabled");
        assertThat(event.get("source").asText()).isEqualTo("/inkstream/webhook-dispatcher");
        assertThat(event.get("subject").asText()).isEqualTo(deadId);
        assertThat(event.get("data").get("endpoint_id").asText()).isEqualTo(deadId);
        assertThat(event.get("data").get("url").asText()).isEqualTo(dead.getString("url"));
        assertThat(event.get("data").get("reason").asText()).isEqualTo(dead.getString("disabled_reason"));
        assertThat(Instant.parse(event.get("data").get("disabled_at").asText()))
                .isEqualTo(Instant.parse(dead.getString("disabled_at")));
        assertThat(got.headers().get("webhook-id")).isEqualTo(event.get("id").asText());
        assertThat(got.headers().get("webhook-signature")).startsWith("v1,");
        await().atMost(WAIT).until(() -> attempts(tenant, siblingId).getList("attempts").size() == 1);
        assertThat(attempts(tenant, siblingId).getList("attempts.outcome", String.class)).containsExactly("success");
        // a later event creates nothing for the disabled endpoint and no second notification
        String laterJob = "job_" + UUID.randomUUID();
        send(event(laterJob, tenant, EventTypes.JOB_CANCELLED));
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> receiver.receivedAt("ok", siblingKey).size() == 1);
        assertThat(messages(tenant, laterJob).getList("messages")).isEmpty();
    }

    @Test
    void givenAutoDisabledEndpoint_whenReEnabled_thenHeldMessageResumesOnAFreshFailureClock() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String siblingKey = UUID.randomUUID().toString();
        String deadUrl = receiver.url("switch", UUID.randomUUID().toString());
        String deadId = createEndpoint(tenant, deadUrl, List.of());
        createEndpoint(tenant, receiver.url("ok", siblingKey), List.of("endpoint.disabled"));
        String firstJob = "job_" + UUID.randomUUID();
        send(event(firstJob, tenant, EventTypes.JOB_COMPLETED));
        await().atMost(WAIT).until(() -> "failed".equals(status(tenant, firstJob)));
        failingForTwoHours(deadId);
        String jobId = "job_" + UUID.randomUUID();
        send(event(jobId, tenant, EventTypes.JOB_COMPLETED));
        await().atMost(WAIT).until(() -> !endpoint(tenant, deadId).getBoolean("enabled"));

        given().contentType(ContentType.JSON).body(Map.of("url", deadUrl, "enabled", true))
                .put("/internal/v1/tenants/{t}/endpoints/{id}", tenant, deadId).then().statusCode(200)
                .body("enabled", equalTo(true));

        // the held message uses up its last attempts and fails; had the clock kept running from before the
        // disabling, the first of them would have disabled the endpoint again
        await().atMost(WAIT).until(() -> "failed".equals(status(tenant, jobId)));
        assertThat(endpoint(tenant, deadId).getBoolean("enabled")).isTrue();
        assertThat(endpoint(tenant, deadId).getString("disabled_reason")).isNull();
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> receiver.receivedAt("ok", siblingKey).size() == 1);
    }

    @Test
    void givenEndpointWithSuccessInsideWindow_whenItFailsAgainLater_thenStaysEnabled() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String siblingKey = UUID.randomUUID().toString();
        String id = createEndpoint(tenant, receiver.url("blip", key), List.of());
        createEndpoint(tenant, receiver.url("ok", siblingKey), List.of("endpoint.disabled"));
        // fails twice, then succeeds: the success stops the clock the failures started
        String firstJob = "job_" + UUID.randomUUID();
        send(event(firstJob, tenant, EventTypes.JOB_COMPLETED));
        await().atMost(WAIT).until(() -> "delivered".equals(status(tenant, firstJob)));
        failingForTwoHours(id);
        String jobId = "job_" + UUID.randomUUID();

        send(event(jobId, tenant, EventTypes.JOB_COMPLETED));

        await().atMost(WAIT).until(() -> "delivered".equals(status(tenant, jobId)));
        assertThat(attempts(tenant, id).getList("attempts.outcome", String.class))
                .containsExactlyInAnyOrder("failure", "failure", "success", "failure", "failure", "success");
        given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(200)
                .body("enabled", equalTo(true));
        assertThat(receiver.receivedAt("ok", siblingKey)).isEmpty();
    }

    /** Simulates two hours passing since the endpoint's failure clock started (a stopped clock stays stopped). */
    private void failingForTwoHours(String endpointId) {
        pool.preparedQuery("UPDATE dispatcher.endpoints SET failing_since = failing_since - interval '2 hours' "
                + "WHERE id = $1").execute(Tuple.of(UUID.fromString(endpointId))).await().atMost(WAIT);
    }

    @Test
    void givenEndpointOnRefusedAddress_whenCreatedOrReplaced_thenProblem400NamingUrl() {
        String tenant = "t-" + UUID.randomUUID();
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:9000/hook")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url))
                    .post("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                    .body("detail", org.hamcrest.Matchers.startsWith("url "));
        }
        String id = createEndpoint(tenant, receiver.url("ok", UUID.randomUUID().toString()), List.of());
        given().contentType(ContentType.JSON).body(Map.of("url", "http://10.0.0.1/hook"))
                .put("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                .body("detail", org.hamcrest.Matchers.containsString("10.0.0.1"));
        given().get("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(200)
                .body("endpoints.size()", equalTo(1));
    }

    private static String createEndpoint(String tenant, String url, List<String> types) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "description", "test", "event_types", types))
                .post("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(201).extract()
                .path("endpoint_id");
    }

    private void send(String payload) {
        connector.source(Channels.EVENTS_IN).send(payload);
    }

    private static JsonPath endpoint(String tenant, String id) {
        return given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static JsonPath attempts(String tenant, String endpointId) {
        return given().get("/internal/v1/tenants/{t}/endpoints/{id}/attempts", tenant, endpointId).then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath messages(String tenant, String jobId) {
        return given().queryParam("job_id", jobId).get("/internal/v1/tenants/{t}/messages", tenant).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String status(String tenant, String jobId) {
        List<String> statuses = messages(tenant, jobId).getList("messages.status", String.class);
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static String event(String jobId, String tenant, String type) throws Exception {
        JobEventData data = new JobEventData(JobEventData.SCHEMA_VERSION, jobId, tenant, false, "completed", "ocr",
                null, null, null, Map.of());
        String id = UUID.nameUUIDFromBytes((jobId + type).getBytes(StandardCharsets.UTF_8)).toString();
        return MAPPER.writeValueAsString(CloudEvent.of(MAPPER, id, "/inkstream/result-store", type, jobId,
                Instant.now(), data));
    }
}
