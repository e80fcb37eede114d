package io.inkstream.contracts.message;

import io.inkstream.contracts.Lane;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.documents[.interactive]: one document for a worker, by reference (claim check), never bytes. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentSubmitted(int schemaVersion, String jobId, String documentId, String tenantId, boolean test,
        int index, Lane lane, String type, ExtractionOptions options, String name, String mediaType, Long size,
        String sha256, String blob, String sourceUrl, Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;
}
