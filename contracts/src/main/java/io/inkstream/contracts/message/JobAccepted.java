package io.inkstream.contracts.message;

import io.inkstream.contracts.Lane;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** inkstream.jobs: the gateway acknowledged a job; the result-store creates it from this. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobAccepted(int schemaVersion, String jobId, String tenantId, boolean test, Lane lane, String type,
        ExtractionOptions options, String webhookUrl, Map<String, String> metadata, List<DocumentRef> documents,
        Instant acceptedAt) {

    public static final int SCHEMA_VERSION = 1;
}
