package io.inkstream.dispatcher.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.dispatcher.delivery.DeliveryPoller;
import io.inkstream.dispatcher.entity.Attempt;
import io.inkstream.dispatcher.repository.ReplayStore;
import io.inkstream.dispatcher.service.MessageQueryService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Internal API: a job's webhook deliveries with their attempt logs (tests and operations). */
@Path("/internal/v1/tenants/{tenantId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    /** One attempt on the wire. */
    public record AttemptView(int attempt_no, Instant at, Integer status_code, long latency_ms,
            String response_excerpt, String error, String outcome) {
    }

    /** One message on the wire; {@code attempts} is the log, {@code attempt_count} its length. */
    public record MessageView(UUID message_id, String event_id, String event_type, String job_id, String target,
            UUID endpoint_id, String status, int attempt_count, Instant next_attempt_at, Instant created_at,
            Instant delivered_at, String last_error, List<AttemptView> attempts) {
    }

    /** The list response. */
    public record MessageList(List<MessageView> messages) {
    }

    /** Replay response. */
    public record RetryResponse(UUID message_id, String status) {
    }

    @Inject
    MessageQueryService query;

    @Inject
    ReplayStore replay;

    @Inject
    DeliveryPoller poller;

    @GET
    @Path("/{messageId}")
    public Uni<MessageView> one(@PathParam("tenantId") String tenantId, @PathParam("messageId") String messageId) {
        UUID id = Ids.uuid("messageId", messageId);
        return query.one(TenantIds.require("tenantId", tenantId), id).map(mw -> {
            if (mw == null) {
                throw new ProblemException(ErrorCode.NOT_FOUND, "message " + id + " not found");
            }
            return view(mw);
        });
    }

    /** Puts a failed or delivered message back on a fresh retry schedule (same webhook-id, new attempts). */
    @POST
    @Path("/{messageId}/retry")
    public Uni<Response> retry(@PathParam("tenantId") String tenantId, @PathParam("messageId") String messageId) {
        UUID id = Ids.uuid("messageId", messageId);
        return replay.replay(TenantIds.require("tenantId", tenantId), id).map(outcome -> switch (outcome) {
            case REPLAYED -> {
                poller.kick();
                yield Response.accepted(new RetryResponse(id, "pending")).build();
            }
            case NOT_FOUND -> throw new ProblemException(ErrorCode.NOT_FOUND, "message " + id + " not found");
            case ALREADY_PENDING -> throw new ProblemException(ErrorCode.INVALID_REQUEST,
                    "message " + id + " is already pending");
        });
    }

    @GET
    public Uni<MessageList> byJob(@PathParam("tenantId") String tenantId, @QueryParam("job_id") String jobId) {
        return query.byJob(TenantIds.require("tenantId", tenantId), TenantIds.require("job_id", jobId))
                .map(list -> new MessageList(list.stream().map(MessageResource::view).toList()));
    }

    static MessageView view(MessageQueryService.MessageWithAttempts mw) {
        var m = mw.message();
        return new MessageView(m.id, m.eventId, m.eventType, m.jobId, m.target, m.endpointId, m.status, m.attempts,
                "pending".equals(m.status) ? m.nextAttemptAt : null, m.createdAt, m.deliveredAt, m.lastError,
                mw.attempts().stream().map(MessageResource::view).toList());
    }

    static AttemptView view(Attempt a) {
        return new AttemptView(a.attemptNo, a.at, a.statusCode, a.latencyMs, a.responseExcerpt, a.error, a.outcome);
    }
}
