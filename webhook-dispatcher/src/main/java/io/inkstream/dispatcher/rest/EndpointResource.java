package io.inkstream.dispatcher.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.inkstream.dispatcher.delivery.DeliveryPoller;
import io.inkstream.dispatcher.entity.Endpoint;
import io.inkstream.dispatcher.repository.ReplayStore;
import io.inkstream.dispatcher.service.EndpointService;
import io.inkstream.dispatcher.service.MessageQueryService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Internal API: a tenant's registered endpoints, their attempt logs and recovery of their failed messages. */
@Path("/internal/v1/tenants/{tenantId}/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointResource {

    /** Create/replace body. */
    public record EndpointRequest(String url, String description, List<String> event_types, Boolean enabled,
            Integer rate_limit) {
    }

    /** One endpoint on the wire. */
    public record EndpointView(UUID endpoint_id, String url, String description, List<String> event_types,
            boolean enabled, Integer rate_limit, String disabled_reason, Instant disabled_at, Instant created_at,
            Instant updated_at) {
    }

    /** The list response. */
    public record EndpointList(List<EndpointView> endpoints) {
    }

    /** One attempt of an endpoint's log. */
    public record EndpointAttempt(UUID message_id, int attempt_no, Instant at, Integer status_code, long latency_ms,
            String response_excerpt, String error, String outcome) {
    }

    /** The attempt log response. */
    public record EndpointAttempts(List<EndpointAttempt> attempts) {
    }

    /** Recover body: failed messages created at or after {@code since} go back on the schedule. */
    public record RecoverRequest(String since) {
    }

    /** Recover response. */
    public record RecoverResponse(int recovered) {
    }

    @Inject
    EndpointService service;

    @Inject
    MessageQueryService query;

    @Inject
    ReplayStore replay;

    @Inject
    DeliveryPoller poller;

    @POST
    public Uni<Response> create(@PathParam("tenantId") String tenantId, EndpointRequest body) {
        String tenant = TenantIds.require("tenantId", tenantId);
        EndpointService.EndpointSpec spec = spec(body);
        return service.checkSpec(spec).flatMap(ignored -> service.create(tenant, spec))
                .map(e -> Response.status(201).entity(view(e)).build());
    }

    @GET
    public Uni<EndpointList> list(@PathParam("tenantId") String tenantId) {
        return service.list(TenantIds.require("tenantId", tenantId))
                .map(list -> new EndpointList(list.stream().map(EndpointResource::view).toList()));
    }

    @GET
    @Path("/{endpointId}")
    public Uni<EndpointView> get(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String id) {
        return service.get(TenantIds.require("tenantId", tenantId), Ids.uuid("endpointId", id))
                .map(EndpointResource::view);
    }

    @PUT
    @Path("/{endpointId}")
    public Uni<EndpointView> replace(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String id,
            EndpointRequest body) {
        String tenant = TenantIds.require("tenantId", tenantId);
        UUID endpointId = Ids.uuid("endpointId", id);
        EndpointService.EndpointSpec spec = spec(body);
        return service.checkSpec(spec).flatMap(ignored -> service.replace(tenant, endpointId, spec))
                .map(EndpointResource::view)
                .invoke(ignored -> poller.kick());
    }

    @DELETE
    @Path("/{endpointId}")
    public Uni<Response> delete(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String id) {
        return service.delete(TenantIds.require("tenantId", tenantId), Ids.uuid("endpointId", id))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{endpointId}/attempts")
    public Uni<EndpointAttempts> attempts(@PathParam("tenantId") String tenantId,
            @PathParam("endpointId") String id, @QueryParam("limit") Integer limit) {
        String tenant = TenantIds.require("tenantId", tenantId);
        UUID endpointId = Ids.uuid("endpointId", id);
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw new ProblemException(io.inkstream.contracts.ErrorCode.INVALID_REQUEST, "limit must be 1..1000");
        }
        return service.get(tenant, endpointId)
                .flatMap(e -> query.endpointAttempts(tenant, endpointId, max))
                .map(list -> new EndpointAttempts(list.stream().map(a -> new EndpointAttempt(a.messageId,
                        a.attemptNo, a.at, a.statusCode, a.latencyMs, a.responseExcerpt, a.error, a.outcome))
                        .toList()));
    }

    @POST
    @Path("/{endpointId}/recover")
    public Uni<RecoverResponse> recover(@PathParam("tenantId") String tenantId, @PathParam("endpointId") String id,
            RecoverRequest body) {
        String tenant = TenantIds.require("tenantId", tenantId);
        UUID endpointId = Ids.uuid("endpointId", id);
        Instant since = Ids.instant("since", body == null ? null : body.since());
        return service.get(tenant, endpointId)
                .flatMap(e -> replay.recover(tenant, endpointId, since))
                .invoke(count -> poller.kick())
                .map(RecoverResponse::new);
    }

    private static EndpointService.EndpointSpec spec(EndpointRequest body) {
        if (body == null) {
            throw new ProblemException(io.inkstream.contracts.ErrorCode.INVALID_REQUEST, "a JSON body is required");
        }
        return new EndpointService.EndpointSpec(body.url(), body.description(), body.event_types(), body.enabled(),
                body.rate_limit());
    }

    static EndpointView view(Endpoint e) {
        List<String> types = e.eventTypes == null ? List.of() : Arrays.asList(e.eventTypes.split(","));
        return new EndpointView(e.id, e.url, e.description, types, e.enabled, e.rateLimit, e.disabledReason,
                e.disabledAt, e.createdAt, e.updatedAt);
    }
}
