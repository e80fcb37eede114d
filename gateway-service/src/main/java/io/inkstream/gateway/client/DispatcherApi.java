package io.inkstream.gateway.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The webhook-dispatcher's internal API. */
@RegisterRestClient(configKey = "dispatcher")
@Path("/internal/v1/tenants/{tenantId}")
public interface DispatcherApi {

    @GET
    @Path("/secret")
    Uni<Response> secret(@PathParam("tenantId") String tenantId);

    @POST
    @Path("/secret/rotate")
    Uni<Response> rotateSecret(@PathParam("tenantId") String tenantId);

    @GET
    @Path("/messages")
    Uni<Response> messages(@PathParam("tenantId") String tenantId, @QueryParam("job_id") String jobId);

    @GET
    @Path("/messages/{messageId}")
    Uni<Response> message(@PathParam("tenantId") String tenantId, @PathParam("messageId") String messageId);

    @POST
    @Path("/messages/{messageId}/retry")
    Uni<Response> retryMessage(@PathParam("tenantId") String tenantId, @PathParam("messageId") String messageId);

    @GET
    @Path("/endpoints")
    Uni<Response> endpoints(@PathParam("tenantId") String tenantId);

    @POST
    @Path("/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createEndpoint(@PathParam("tenantId") String tenantId, String body);

    @GET
    @Path("/endpoints/{endpointId}")
    Uni<Response> endpoint(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String endpointId);

    @PUT
    @Path("/endpoints/{endpointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> replaceEndpoint(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String endpointId,
            String body);

    @DELETE
    @Path("/endpoints/{endpointId}")
    Uni<Response> deleteEndpoint(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String endpointId);

    @GET
    @Path("/endpoints/{endpointId}/attempts")
    Uni<Response> endpointAttempts(@PathParam("tenantId") String tenantId,
            @PathParam("endpointId") String endpointId, @QueryParam("limit") Integer limit);

    @POST
    @Path("/endpoints/{endpointId}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> recoverEndpoint(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String endpointId,
            String body);
}
