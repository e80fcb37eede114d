package io.inkstream.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Json;
import io.inkstream.dispatcher.repository.DeliveryStore.DisabledEndpoint;

class EndpointDisabledNotifierTest {

    private static final ObjectMapper MAPPER = Json.newMapper();

    @Test
    void givenSameDisabling_whenIdComputed_thenSameIdAndDifferentForAnotherDisabling() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-23T10:15:30.123456Z");
        DisabledEndpoint one = new DisabledEndpoint(id, "t1", "https://hooks.example.com/a", "why", at);

        assertThat(EndpointDisabledNotifier.eventId(one))
                .isEqualTo(EndpointDisabledNotifier.eventId(new DisabledEndpoint(id, "t1", "x", "y", at)))
                .isNotEqualTo(EndpointDisabledNotifier.eventId(
                        new DisabledEndpoint(id, "t1", "https://hooks.example.com/a", "why", at.plusSeconds(1))));
    }

    @Test
    void givenDisabledEndpoint_whenPayloadBuilt_thenCloudEventWithEndpointData() throws Exception {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-23T10:15:30.123456Z");
        DisabledEndpoint e = new DisabledEndpoint(id, "t1", "https://hooks.example.com/a", "why", at);

        JsonNode event = MAPPER.readTree(EndpointDisabledNotifier.payload(MAPPER, "evt-1", e));

        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo("evt-1");
        assertThat(event.get("source").asText()).isEqualTo("/inkstream/webhook-dispatcher");
        assertThat(event.get("type").asText()).isEqualTo("endpoint.disabled");
        assertThat(event.get("subject").asText()).isEqualTo(id.toString());
        assertThat(Instant.parse(event.get("time").asText())).isEqualTo(at);
        assertThat(event.get("data").get("endpoint_id").asText()).isEqualTo(id.toString());
        assertThat(event.get("data").get("url").asText()).isEqualTo("https://hooks.example.com/a");
        assertThat(event.get("data").get("reason").asText()).isEqualTo("why");
        assertThat(Instant.parse(event.get("data").get("disabled_at").asText())).isEqualTo(at);
    }
}
