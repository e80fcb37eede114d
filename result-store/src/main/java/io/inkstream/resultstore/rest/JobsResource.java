package io.inkstream.resultstore.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jboss.logging.Logger;

import io.inkstream.contracts.blob.BlobRef;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.resultstore.entity.States;
import io.inkstream.resultstore.service.LifecycleService;
import io.inkstream.resultstore.service.QueryService;
import io.inkstream.resultstore.messaging.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Internal API used by the gateway only: jobs, document results, cancel, delete, usage; scoped by tenant_id. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private static final Logger LOG = Logger.getLogger(JobsResource.class);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @Inject
    QueryService query;
    @Inject
    LifecycleService lifecycle;
    @Inject
    OutboxRelay relay;
    @Inject
    BlobStore blobs;

    @GET
    @Path("/jobs/{jobId}")
    public Uni<JobView> job(@PathParam("jobId") String jobId, @QueryParam("tenant_id") String tenantId) {
        return query.job(jobId, tenant(tenantId));
    }

    @GET
    @Path("/jobs")
    public Uni<JobView.Page> list(@QueryParam("tenant_id") String tenantId, @QueryParam("state") String state,
            @QueryParam("created_after") String createdAfter, @QueryParam("created_before") String createdBefore,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String t = tenant(tenantId);
        if (state != null && !States.JOB_STATES.contains(state)) {
            throw ApiException.invalid("state must be one of " + States.JOB_STATES);
        }
        return query.list(t, state, instant("created_after", createdAfter), instant("created_before", createdBefore),
                cursor == null || cursor.isBlank() ? null : cursor, limit(limit));
    }

    @GET
    @Path("/jobs/{jobId}/documents/{documentId}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    public Uni<Response> document(@PathParam("jobId") String jobId, @PathParam("documentId") String documentId,
            @QueryParam("tenant_id") String tenantId, @QueryParam("format") String format) {
        String t = tenant(tenantId);
        String f = format == null || format.isBlank() ? "json" : format;
        if (!f.equals("json") && !f.equals("text")) {
            throw ApiException.invalid("format must be json or text");
        }
        return query.document(jobId, documentId, t).map(r -> f.equals("text")
                ? Response.ok(r.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build()
                : Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @POST
    @Path("/jobs/{jobId}/cancel")
    public Uni<JobView> cancel(@PathParam("jobId") String jobId, @QueryParam("tenant_id") String tenantId,
            @HeaderParam("X-Request-Id") String requestId) {
        String t = tenant(tenantId);
        return lifecycle.cancel(jobId, t, requestId).chain(found -> {
            if (!found) {
                return Uni.createFrom().failure(ApiException.notFound("job " + jobId));
            }
            relay.kick();
            return query.job(jobId, t);
        });
    }

    @DELETE
    @Path("/jobs/{jobId}")
    public Uni<Response> delete(@PathParam("jobId") String jobId, @QueryParam("tenant_id") String tenantId,
            @HeaderParam("X-Request-Id") String requestId) {
        String t = tenant(tenantId);
        return lifecycle.delete(jobId, t, requestId).chain(refs -> {
            if (refs == null) {
                return Uni.createFrom().failure(ApiException.notFound("job " + jobId));
            }
            relay.kick();
            return Uni.createFrom().item(() -> {
                deleteBlobs(jobId, refs);
                return Response.noContent().build();
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    @GET
    @Path("/usage")
    public Uni<UsageView> usage(@QueryParam("tenant_id") String tenantId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        String t = tenant(tenantId);
        LocalDate f = date("from", from, LocalDate.now().minusDays(30));
        LocalDate u = date("to", to, LocalDate.now());
        if (u.isBefore(f)) {
            throw ApiException.invalid("to is before from");
        }
        return query.usage(t, f, u);
    }

    /** Best effort after commit: a blob left behind is unreadable without its job and swept by retention. */
    void deleteBlobs(String jobId, List<String> refs) {
        int deleted = 0;
        for (String ref : refs) {
            try {
                blobs.delete(BlobRef.parse(ref));
                deleted++;
            } catch (Exception e) {
                LOG.warnf("job %s: could not delete a blob (%s)", jobId, e.getClass().getSimpleName());
            }
        }
        LOG.infof("job %s deleted with %d of %d blobs", jobId, deleted, refs.size());
    }

    private static String tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw ApiException.invalid("tenant_id is required");
        }
        return tenantId;
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n < 1 || n > MAX_LIMIT) {
                throw ApiException.invalid("limit must be between 1 and " + MAX_LIMIT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("limit must be a number");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e2) {
                throw ApiException.invalid(name + " must be an ISO-8601 date-time");
            }
        }
    }

    private static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.invalid(name + " must be YYYY-MM-DD");
        }
    }
}
