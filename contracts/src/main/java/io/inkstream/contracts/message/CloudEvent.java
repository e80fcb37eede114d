package io.inkstream.contracts.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CloudEvents 1.0 structured-mode envelope for inkstream.results and inkstream.events, so any Kafka
 * consumer can filter by type without our code. Attribute names are the spec's (all lowercase).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, String dataschema, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static CloudEvent of(ObjectMapper mapper, String id, String source, String type, String subject,
            Instant time, Object data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, JSON, EventTypes.schemaOf(type),
                mapper.valueToTree(data));
    }

    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event " + id + " data is not a " + type.getSimpleName(), e);
        }
    }
}
