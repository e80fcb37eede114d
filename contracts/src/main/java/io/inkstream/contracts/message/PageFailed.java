package io.inkstream.contracts.message;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.results (page.failed): one page could not be extracted; code is an ErrorCode name. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageFailed(int schemaVersion, String jobId, String tenantId, String documentId, int page,
        int pageCount, String code, String message) {

    public static final int SCHEMA_VERSION = 1;
}
