package io.inkstream.gateway.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.gateway.service.JobEventBus;
import io.inkstream.gateway.service.JobQueries;
import io.inkstream.gateway.service.Tenant;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * GET /v1/jobs/{id}/events: Server-Sent Events with the job's lifecycle events as they happen. The stream
 * opens with a {@code job.snapshot} of the current state (also on reconnect with Last-Event-ID: the snapshot
 * is the full state, so nothing a client missed is lost), sends heartbeats, and ends after the final state.
 */
@Path("/v1/jobs/{jobId}/events")
@Tag(name = "jobs")
public class JobEventsResource {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final String SNAPSHOT = "job.snapshot";
    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(15);

    private final JobQueries queries;
    private final JobEventBus bus;
    private final CallerContext caller;
    private final Vertx vertx;

    JobEventsResource(JobQueries queries, JobEventBus bus, CallerContext caller, Vertx vertx) {
        this.queries = queries;
        this.bus = bus;
        this.caller = caller;
        this.vertx = vertx;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live progress and completion of a job as Server-Sent Events")
    @Blocking
    public Multi<OutboundSseEvent> events(@RestPath String jobId, @Context Sse sse) {
        Tenant tenant = caller.tenant();
        // Watch before reading the snapshot so no event between the two is lost; the relay holds such events
        // until the snapshot has gone out, so the stream always opens with it.
        Relay relay = new Relay();
        Runnable unwatch = bus.watch(jobId, relay::offer);
        ObjectNode job;
        try {
            job = queries.job(tenant, jobId, false).await().atMost(LOOKUP_TIMEOUT);
        } catch (RuntimeException e) {
            unwatch.run();
            throw e;
        }
        if (job == null) {
            // Before the stream opens, so an unknown job is a plain 404 problem, not a broken stream.
            unwatch.run();
            throw new ApiException(ErrorCode.NOT_FOUND, "no such job");
        }
        return Multi.createFrom().emitter(emitter -> {
            long timer = vertx.setPeriodic(HEARTBEAT.toMillis(),
                    t -> emitter.emit(sse.newEventBuilder().name("heartbeat").data("{}").build()));
            emitter.onTermination(() -> {
                unwatch.run();
                vertx.cancelTimer(timer);
            });
            emitter.emit(snapshot(sse, job));
            if (JobQueries.FINAL_STATES.contains(job.path("state").asText())) {
                emitter.complete();
                return;
            }
            relay.attach(e -> {
                emitter.emit(sse.newEventBuilder().id(e.id()).name(e.type()).data(e.json()).build());
                if (EventTypes.JOB_COMPLETED.equals(e.type()) || EventTypes.JOB_CANCELLED.equals(e.type())) {
                    emitter.complete();
                }
            });
        });
    }

    /** Holds events that arrive before the stream is attached, then forwards them in order. */
    static final class Relay {
        private final List<JobEventBus.JobEvent> early = new ArrayList<>();
        private Consumer<JobEventBus.JobEvent> target;

        synchronized void offer(JobEventBus.JobEvent event) {
            if (target == null) {
                early.add(event);
            } else {
                target.accept(event);
            }
        }

        synchronized void attach(Consumer<JobEventBus.JobEvent> consumer) {
            early.forEach(consumer);
            early.clear();
            target = consumer;
        }
    }

    private static OutboundSseEvent snapshot(Sse sse, ObjectNode job) {
        return sse.newEventBuilder().id(SNAPSHOT + ":" + job.path("updated_at").asText(""))
                .name(SNAPSHOT).mediaType(MediaType.APPLICATION_JSON_TYPE).data(job.toString()).build();
    }
}
