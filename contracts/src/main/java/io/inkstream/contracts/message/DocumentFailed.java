package io.inkstream.contracts.message;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.results (document.failed): the document as a whole failed before or instead of page results. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentFailed(int schemaVersion, String jobId, String tenantId, String documentId, String code,
        String message) {

    public static final int SCHEMA_VERSION = 1;
}
