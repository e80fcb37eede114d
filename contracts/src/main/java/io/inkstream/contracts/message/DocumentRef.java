package io.inkstream.contracts.message;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One document of an accepted job: where its bytes are (blob ref or source URL) and what they are. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentRef(String documentId, int index, String name, String mediaType, Long size, String sha256,
        String blob, String sourceUrl) {
}
