package io.inkstream.gateway.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
}
