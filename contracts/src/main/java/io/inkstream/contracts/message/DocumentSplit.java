package io.inkstream.contracts.message;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.results (document.split): a worker fanned a document out into pageCount page tasks. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentSplit(int schemaVersion, String jobId, String tenantId, String documentId, int pageCount) {

    public static final int SCHEMA_VERSION = 1;
}
