package io.inkstream.gateway.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The result-store's internal API; answers are passed through as raw responses and shaped by the caller. */
@RegisterRestClient(configKey = "result-store")
@Path("/internal/v1")
public interface ResultStoreApi {

    @GET
    @Path("/jobs/{jobId}")
    Uni<Response> job(@PathParam("jobId") String jobId, @QueryParam("tenant_id") String tenantId);

    @GET
    @Path("/jobs")
    Uni<Response> jobs(@QueryParam("tenant_id") String tenantId, @QueryParam("state") String state,
            @QueryParam("created_after") String createdAfter, @QueryParam("created_before") String createdBefore,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    @GET
    @Path("/jobs/{jobId}/documents/{documentId}")
    Uni<Response> document(@PathParam("jobId") String jobId, @PathParam("documentId") String documentId,
            @QueryParam("tenant_id") String tenantId, @QueryParam("format") String format);

    @POST
    @Path("/jobs/{jobId}/cancel")
    Uni<Response> cancel(@PathParam("jobId") String jobId, @QueryParam("tenant_id") String tenantId,
            @HeaderParam("X-Request-Id") String requestId);

    @DELETE
    @Path("/jobs/{jobId}")
    Uni<Response> delete(@PathParam("jobId") String jobId, @QueryParam("tenant_id") String tenantId,
            @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("/usage")
    Uni<Response> usage(@QueryParam("tenant_id") String tenantId, @QueryParam("from") String from,
            @QueryParam("to") String to);
}
