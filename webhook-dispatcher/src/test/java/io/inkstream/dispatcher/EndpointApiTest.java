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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Json;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.dispatcher.config.Channels;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/** Registered endpoints: CRUD, event-type filter, attempt log, replay of one message, recovery since a time. */
@QuarkusTest
class EndpointApiTest {

    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
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
    void givenEndpointWithFilter_whenEventsArrive_thenOnlySelectedTypesDeliveredAndLogged() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String endpointId = createEndpoint(tenant, receiver.url("ok", key), List.of(EventTypes.JOB_COMPLETED));
        String jobId = "job_" + UUID.randomUUID();

        send(event(jobId, tenant, EventTypes.JOB_ACCEPTED));
        send(event(jobId, tenant, EventTypes.JOB_COMPLETED));

        await().atMost(WAIT).until(() -> receiver.receivedAt("ok", key).size() == 1);
        assertThat(MAPPER.readTree(receiver.receivedAt("ok", key).get(0).body()).get("type").asText())
                .isEqualTo(EventTypes.JOB_COMPLETED);
        await().atMost(WAIT).until(() -> attempts(tenant, endpointId).getList("attempts").size() == 1);
        JsonPath log = attempts(tenant, endpointId);
        assertThat(log.getInt("attempts[0].status_code")).isEqualTo(200);
        assertThat(log.getString("attempts[0].outcome")).isEqualTo("success");
        JsonPath messages = messages(tenant, jobId);
        assertThat(messages.getList("messages.endpoint_id", String.class)).containsExactly(endpointId);
    }

    @Test
    void givenEndpoint_whenReadReplacedAndDeleted_thenApiReflectsIt() {
        String tenant = "t-" + UUID.randomUUID();
        String id = createEndpoint(tenant, "https://hooks.example.com/a", List.of());

        given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/a")).body("enabled", equalTo(true));
        given().get("/internal/v1/tenants/{t}/endpoints/{id}", "other-tenant", id).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example.com/b", "enabled", false, "rate_limit", 5))
                .put("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(200)
                .body("url", equalTo("https://hooks.example.com/b")).body("enabled", equalTo(false))
                .body("rate_limit", equalTo(5));
        given().get("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(200)
                .body("endpoints.size()", equalTo(1));
        given().delete("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(204);
        given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, id).then().statusCode(404);
    }

    @Test
    void givenInvalidEndpoint_whenCreated_thenProblem400() {
        String tenant = "t-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://x/"))
                .post("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().contentType(ContentType.JSON).body(Map.of("url", "https://x/", "event_types", List.of("nope")))
                .post("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{not json")
                .post("/internal/v1/tenants/{t}/endpoints", tenant).then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, "not-a-uuid").then().statusCode(400);
    }

    @Test
    void givenExhaustedMessage_whenReplayedAfterReceiverRecovers_thenDeliveredWithFullLog() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String jobId = "job_" + UUID.randomUUID();
        send(event(jobId, tenant, EventTypes.JOB_COMPLETED, receiver.url("switch", key)));
        await().atMost(WAIT).until(() -> "failed".equals(status(tenant, jobId)));
        String messageId = messages(tenant, jobId).getString("messages[0].message_id");

        receiver.up(key);
        given().post("/internal/v1/tenants/{t}/messages/{id}/retry", tenant, messageId).then().statusCode(202)
                .body("status", equalTo("pending"));

        await().atMost(WAIT).until(() -> "delivered".equals(status(tenant, jobId)));
        JsonPath one = given().get("/internal/v1/tenants/{t}/messages/{id}", tenant, messageId).then()
                .statusCode(200).extract().jsonPath();
        assertThat(one.getList("attempts.status_code", Integer.class)).containsExactly(503, 503, 503, 200);
        assertThat(one.getList("attempts.attempt_no", Integer.class)).containsExactly(1, 2, 3, 4);
        given().post("/internal/v1/tenants/{t}/messages/{id}/retry", "other-tenant", messageId).then()
                .statusCode(404);
    }

    @Test
    void givenEndpointFailures_whenRecoveredSince_thenFailedMessagesDelivered() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Instant since = Instant.now().minusSeconds(5);
        String endpointId = createEndpoint(tenant, receiver.url("switch", key), List.of());
        String jobId = "job_" + UUID.randomUUID();
        send(event(jobId, tenant, EventTypes.JOB_COMPLETED));
        await().atMost(WAIT).until(() -> "failed".equals(status(tenant, jobId)));

        receiver.up(key);
        given().contentType(ContentType.JSON).body(Map.of("since", since.toString()))
                .post("/internal/v1/tenants/{t}/endpoints/{id}/recover", tenant, endpointId).then().statusCode(200)
                .body("recovered", equalTo(1));

        await().atMost(WAIT).until(() -> "delivered".equals(status(tenant, jobId)));
    }

    @Test
    void givenEndpointAnswering410_whenDelivered_thenEndpointDisabled() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String endpointId = createEndpoint(tenant, receiver.url("gone", UUID.randomUUID().toString()), List.of());
        send(event("job_" + UUID.randomUUID(), tenant, EventTypes.JOB_COMPLETED));

        await().atMost(WAIT).until(() -> !given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, endpointId)
                .then().extract().jsonPath().getBoolean("enabled"));
        given().get("/internal/v1/tenants/{t}/endpoints/{id}", tenant, endpointId).then()
                .body("disabled_reason", equalTo("receiver answered 410 Gone"));
    }

    @Test
    void givenDeadEndpoint_whenEventsArrive_thenHealthyEndpointGetsEveryDeliveryWithoutWaitingOnIt()
            throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String deadKey = UUID.randomUUID().toString();
        String healthyKey = UUID.randomUUID().toString();
        String deadId = createEndpoint(tenant, receiver.url("slow", deadKey), List.of());
        createEndpoint(tenant, receiver.url("ok", healthyKey), List.of());

        for (int i = 0; i < 15; i++) {
            send(event("job_" + UUID.randomUUID(), tenant, EventTypes.JOB_COMPLETED));
        }

        await().atMost(WAIT).until(() -> receiver.receivedAt("ok", healthyKey).size() == 15);
        // every dead attempt needs the full request timeout; none has finished, so none was waited on
        assertThat(attempts(tenant, deadId).getList("attempts")).isEmpty();
        // and the dead endpoint never held more than its own concurrency limit (10) of delivery slots
        assertThat(receiver.receivedAt("slow", deadKey).size()).isLessThanOrEqualTo(10);
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
        return event(jobId, tenant, type, null);
    }

    private static String event(String jobId, String tenant, String type, String url) throws Exception {
        JobEventData data = new JobEventData(JobEventData.SCHEMA_VERSION, jobId, tenant, false, "completed", "ocr",
                null, null, url, Map.of());
        String id = UUID.nameUUIDFromBytes((jobId + type).getBytes(StandardCharsets.UTF_8)).toString();
        return MAPPER.writeValueAsString(CloudEvent.of(MAPPER, id, "/inkstream/result-store", type, jobId,
                Instant.now(), data));
    }
}
