package io.inkstream.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.client.DispatcherClient;
import io.inkstream.gateway.client.Upstream;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Webhook settings, proxied to the webhook-dispatcher. */
@Path("/v1/webhooks")
@Tag(name = "webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final DispatcherClient dispatcher;
    private final CallerContext caller;

    WebhookResource(DispatcherClient dispatcher, CallerContext caller) {
        this.dispatcher = dispatcher;
        this.caller = caller;
    }

    @GET
    @Path("/secret")
    @Operation(summary = "The tenant's default secret that signs deliveries to a job's webhook_url")
    public Uni<Response> secret() {
        return pass(dispatcher.secret(caller.tenant().id()));
    }

    @POST
    @Path("/secret/rotate")
    @Operation(summary = "Rotate the default secret; the old one keeps signing during the overlap")
    public Uni<Response> rotate() {
        return pass(dispatcher.rotateSecret(caller.tenant().id()));
    }

    @GET
    @Path("/messages")
    @Operation(summary = "Deliveries and their attempts, optionally for one job")
    public Uni<Response> messages(@RestQuery("job_id") String jobId) {
        return pass(dispatcher.messages(caller.tenant().id(), jobId));
    }

    private Uni<Response> pass(Uni<Upstream> call) {
        return call.onFailure(e -> !(e instanceof ApiException)).transform(e -> {
            LOG.warnf("webhook-dispatcher call failed: %s", e.toString());
            return ApiException.unavailable("webhook settings are temporarily unavailable; retry", 5);
        }).map(u -> {
            if (u.status() == 404) {
                throw new ApiException(ErrorCode.NOT_FOUND, "not found");
            }
            if (u.status() >= 400) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "invalid request");
            }
            return Response.status(u.status()).entity(u.body()).type(MediaType.APPLICATION_JSON).build();
        });
    }
}
