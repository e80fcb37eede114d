package io.inkstream.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.client.DispatcherClient;
import io.inkstream.gateway.client.Upstream;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
    private final ObjectMapper mapper;

    WebhookResource(DispatcherClient dispatcher, CallerContext caller, ObjectMapper mapper) {
        this.dispatcher = dispatcher;
        this.caller = caller;
        this.mapper = mapper;
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

    @GET
    @Path("/messages/{messageId}")
    @Operation(summary = "One delivery message with its attempts")
    public Uni<Response> message(@RestPath String messageId) {
        return pass(dispatcher.message(caller.tenant().id(), messageId));
    }

    @POST
    @Path("/messages/{messageId}/retry")
    @Operation(summary = "Replay one message (for example a dead-lettered one)")
    public Uni<Response> retry(@RestPath String messageId) {
        return pass(dispatcher.retryMessage(caller.tenant().id(), messageId));
    }

    @GET
    @Path("/endpoints")
    @Operation(summary = "Registered endpoints")
    public Uni<Response> endpoints() {
        return pass(dispatcher.endpoints(caller.tenant().id()));
    }

    @POST
    @Path("/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint {url, description, event_types[], enabled, rate_limit}")
    public Uni<Response> createEndpoint(String body) {
        return pass(dispatcher.createEndpoint(caller.tenant().id(), body));
    }

    @GET
    @Path("/endpoints/{endpointId}")
    @Operation(summary = "One endpoint")
    public Uni<Response> endpoint(@RestPath String endpointId) {
        return pass(dispatcher.endpoint(caller.tenant().id(), endpointId));
    }

    @PUT
    @Path("/endpoints/{endpointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an endpoint (enabled=true re-enables a disabled one)")
    public Uni<Response> replaceEndpoint(@RestPath String endpointId, String body) {
        return pass(dispatcher.replaceEndpoint(caller.tenant().id(), endpointId, body));
    }

    @DELETE
    @Path("/endpoints/{endpointId}")
    @Operation(summary = "Delete an endpoint")
    public Uni<Response> deleteEndpoint(@RestPath String endpointId) {
        return pass(dispatcher.deleteEndpoint(caller.tenant().id(), endpointId));
    }

    @GET
    @Path("/endpoints/{endpointId}/attempts")
    @Operation(summary = "An endpoint's attempt log")
    public Uni<Response> attempts(@RestPath String endpointId, @RestQuery Integer limit) {
        return pass(dispatcher.endpointAttempts(caller.tenant().id(), endpointId, limit));
    }

    @POST
    @Path("/endpoints/{endpointId}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay everything that failed for an endpoint since a time {since}")
    public Uni<Response> recover(@RestPath String endpointId, String body) {
        return pass(dispatcher.recoverEndpoint(caller.tenant().id(), endpointId, body));
    }

    private Uni<Response> pass(Uni<Upstream> call) {
        return call.onFailure(e -> !(e instanceof ApiException)).transform(e -> {
            LOG.warnf("webhook-dispatcher call failed: %s", e.toString());
            return ApiException.unavailable("webhook settings are temporarily unavailable; retry", 5);
        }).map(u -> {
            if (u.status() >= 400) {
                throw upstreamProblem(u);
            }
            Response.ResponseBuilder rb = Response.status(u.status());
            return u.body().length == 0 ? rb.build() : rb.entity(u.body()).type(MediaType.APPLICATION_JSON).build();
        });
    }

    /** Keeps the dispatcher's code, detail and field, under this request's id. */
    private ApiException upstreamProblem(Upstream u) {
        ErrorCode code = u.status() == 404 ? ErrorCode.NOT_FOUND : ErrorCode.INVALID_REQUEST;
        String detail = u.status() == 404 ? "not found" : "invalid request";
        java.util.Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        try {
            JsonNode problem = mapper.readTree(u.body());
            detail = problem.path("detail").asText(detail);
            if (problem.hasNonNull("field")) {
                extensions.put("field", problem.get("field").asText());
            }
            code = ErrorCode.valueOf(problem.path("code").asText(code.name()));
        } catch (Exception e) {
            // not a problem body: keep the generic answer
        }
        return new ApiException(code, detail, extensions);
    }
}
