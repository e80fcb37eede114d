package io.inkstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A Kafka subscriber with nothing but a plain consumer and the published JSON Schemas can read every record
 * of a job on inkstream.results and inkstream.events.
 */
class SubscriberSchemaIT {

    private static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry("document.split", "document-split"), Map.entry("page.extracted", "page-extracted"),
            Map.entry("page.failed", "page-failed"), Map.entry("document.failed", "document-failed"));

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void givenCompletedJob_whenItsRecordsAreRead_thenEveryOneMatchesThePublishedSchemas() {
        try (TopicReader results = new TopicReader("inkstream.results", "read_committed");
                TopicReader events = new TopicReader("inkstream.events", "read_committed")) {
            String jobId = Suite.api()
                    .multiPart("documents", "s.png", Fixtures.png("Schema checked record"), "image/png")
                    .when().post("/v1/jobs").then().statusCode(202).extract().path("job_id");

            await().atMost(Duration.ofSeconds(90)).until(() -> events.matching(r -> jobId.equals(r.key())).stream()
                    .anyMatch(r -> r.value().contains("\"job.completed\"")));

            List<ConsumerRecord<String, String>> resultRecords = results.matching(r -> jobId.equals(r.key()));
            List<ConsumerRecord<String, String>> eventRecords = events.matching(r -> jobId.equals(r.key()));
            assertThat(resultRecords).isNotEmpty();
            assertThat(eventRecords).extracting(r -> json(r.value()).path("type").asText())
                    .contains("job.accepted", "extraction.completed", "job.completed");

            for (ConsumerRecord<String, String> r : resultRecords) {
                JsonNode event = json(r.value());
                assertThat(validate("cloud-event", event)).as("envelope of %s", r.value()).isEmpty();
                String dataSchema = DATA_SCHEMAS.get(event.path("type").asText());
                assertThat(dataSchema).as("known result type").isNotNull();
                assertThat(validate(dataSchema, event.path("data"))).as("data of %s", event.path("type")).isEmpty();
            }
            for (ConsumerRecord<String, String> r : eventRecords) {
                JsonNode event = json(r.value());
                assertThat(validate("cloud-event", event)).as("envelope of %s", r.value()).isEmpty();
                assertThat(validate("job-event", event.path("data"))).as("data of %s", event.path("type")).isEmpty();
            }
        }
    }

    private JsonNode json(String s) {
        try {
            return mapper.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    private Set<ValidationMessage> validate(String schema, JsonNode node) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + schema + ".schema.json")) {
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            return s.validate(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
