package io.inkstream.resultstore;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.JsonNode;

import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.resultstore.messaging.Channels;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

/** Shared plumbing for focused tests: in-memory channels, real PostgreSQL. */
abstract class InMemoryBase {

    @Inject
    @Any
    InMemoryConnector connector;

    void sendJob(String json) {
        connector.source(Channels.JOBS_IN).send(json);
    }

    void sendResult(String json) {
        connector.source(Channels.RESULTS_IN).send(json);
    }

    /** Events published for a job so far, in publish order. */
    List<Message<?>> eventMessages(String jobId) {
        List<Message<?>> out = new java.util.ArrayList<>();
        for (Message<?> m : connector.sink(Channels.EVENTS_OUT).received()) {
            if (m.getMetadata(OutgoingKafkaRecordMetadata.class).map(md -> jobId.equals(md.getKey())).orElse(false)) {
                out.add(m);
            }
        }
        return out;
    }

    List<CloudEvent> events(String jobId) {
        return eventMessages(jobId).stream().map(m -> read((String) m.getPayload())).toList();
    }

    List<String> eventTypes(String jobId) {
        return events(jobId).stream().map(CloudEvent::type).toList();
    }

    static CloudEvent read(String json) {
        try {
            return TestData.MAPPER.readValue(json, CloudEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ValidatableResponse job(String tenant, String jobId) {
        return given().queryParam("tenant_id", tenant).get("/internal/v1/jobs/{id}", jobId).then();
    }

    JsonNode jobJson(String tenant, String jobId) {
        String body = given().queryParam("tenant_id", tenant).get("/internal/v1/jobs/{id}", jobId).then()
                .extract().asString();
        try {
            return TestData.MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String stateOf(String tenant, String jobId) {
        JsonNode n = jobJson(tenant, jobId);
        return n.has("state") ? n.get("state").asText() : null;
    }

    void awaitState(String tenant, String jobId, String state) {
        await().atMost(Duration.ofSeconds(90)).until(() -> state.equals(stateOf(tenant, jobId)));
    }

    void awaitEvents(String jobId, int count) {
        await().atMost(Duration.ofSeconds(90)).until(() -> eventMessages(jobId).size() >= count);
    }
}
