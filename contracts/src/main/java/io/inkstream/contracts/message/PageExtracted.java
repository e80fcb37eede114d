package io.inkstream.contracts.message;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.results (page.extracted): one page's full result, so subscribers need no API call. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageExtracted(int schemaVersion, String jobId, String tenantId, String documentId, int page,
        int pageCount, PageResult result) {

    public static final int SCHEMA_VERSION = 1;
}
