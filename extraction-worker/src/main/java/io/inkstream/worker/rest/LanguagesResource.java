package io.inkstream.worker.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.inkstream.worker.engine.OcrPool;

/** Which trained languages this worker has, so the gateway can validate the languages option against it. */
@Path("/internal/v1/languages")
public class LanguagesResource {

    /** Installed languages and the default used when a document names none. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Languages(List<String> languages, String defaultLanguages) {
    }

    @Inject
    OcrPool pool;

    @Inject
    ObjectMapper mapper;

    /** Serialised here: the worker carries quarkus-rest without a JSON provider (health and metrics are its API). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() throws JsonProcessingException {
        return mapper.writeValueAsString(
                new Languages(List.copyOf(pool.installedLanguages()), pool.defaultLanguages()));
    }
}
