package io.inkstream.contracts.message;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The data of every lifecycle event on inkstream.events. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEventData(int schemaVersion, String jobId, String tenantId, boolean test, String state, String type,
        Progress progress, DocumentStatus document, String webhookUrl, Map<String, String> metadata) {

    public static final int SCHEMA_VERSION = 1;

    /** The document an extraction.* event is about. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentStatus(String documentId, String state, String code, Integer pageCount) {
    }
}
