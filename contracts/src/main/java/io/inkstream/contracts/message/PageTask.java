package io.inkstream.contracts.message;

import io.inkstream.contracts.Lane;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.pages[.interactive]: one page of a fanned-out document, keyed documentId:page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageTask(int schemaVersion, String jobId, String documentId, String tenantId, boolean test, Lane lane,
        String type, ExtractionOptions options, String mediaType, String blob, int page, int pageCount) {

    public static final int SCHEMA_VERSION = 1;

    public String key() {
        return documentId + ":" + page;
    }
}
