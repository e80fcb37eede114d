package io.inkstream.dispatcher.rest;

import java.time.Instant;

import io.inkstream.dispatcher.service.SecretService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Internal API: a tenant's default signing secret (created on first use) and its rotation. */
@Path("/internal/v1/tenants/{tenantId}/secret")
@Produces(MediaType.APPLICATION_JSON)
public class SecretResource {

    /** Wire shape of a secret. */
    public record SecretResponse(String secret, Instant created_at) {
    }

    @Inject
    SecretService secrets;

    @GET
    public Uni<SecretResponse> current(@PathParam("tenantId") String tenantId) {
        return secrets.current(TenantIds.require("tenantId", tenantId))
                .map(s -> new SecretResponse(s.secret(), s.createdAt()));
    }

    @POST
    @Path("/rotate")
    public Uni<SecretResponse> rotate(@PathParam("tenantId") String tenantId) {
        return secrets.rotate(TenantIds.require("tenantId", tenantId))
                .map(s -> new SecretResponse(s.secret(), s.createdAt()));
    }
}
