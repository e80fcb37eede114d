package io.inkstream.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inkstream.gateway.service.JobQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /v1/usage: documents and pages processed, by day and type. */
@Path("/v1/usage")
@Tag(name = "usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final JobQueries queries;
    private final CallerContext caller;

    UsageResource(JobQueries queries, CallerContext caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Usage by day, type and live/test")
    public Uni<ObjectNode> usage(@RestQuery String from, @RestQuery String to) {
        return queries.usage(caller.tenant(), from, to);
    }
}
