package io.inkstream.gateway.rest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.Lane;
import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.service.JobQueries;
import io.inkstream.gateway.service.RecentJobs;
import io.inkstream.gateway.service.RequestValidator;
import io.inkstream.gateway.service.SubmissionRequest;
import io.inkstream.gateway.service.SubmissionService;
import io.inkstream.gateway.service.Tenant;
import io.inkstream.gateway.service.Upload;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Batches: submit many documents, then read state and results; cancel and delete. */
@Path("/v1/jobs")
@Tag(name = "jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final SubmissionService submissions;
    private final JobQueries queries;
    private final RecentJobs recent;
    private final RequestValidator validator;
    private final CallerContext caller;
    private final GatewayConfig config;
    private final RoutingContext rc;
    private final ObjectMapper mapper;

    JobResource(SubmissionService submissions, JobQueries queries, RecentJobs recent, RequestValidator validator,
            CallerContext caller, GatewayConfig config, RoutingContext rc, ObjectMapper mapper) {
        this.submissions = submissions;
        this.queries = queries;
        this.recent = recent;
        this.validator = validator;
        this.caller = caller;
        this.config = config;
        this.rc = rc;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Submit a batch of documents (repeated multipart field `documents`)")
    public Uni<Response> submit(@RestForm("documents") List<FileUpload> documents, @RestForm String type,
            @RestForm String options, @RestForm("webhook_url") String webhookUrl, @RestForm String metadata,
            @RestHeader("Idempotency-Key") String idempotencyKey, @RestHeader("X-Inkstream-Fault") String fault) {
        Tenant tenant = caller.tenant();
        if (documents == null || documents.isEmpty()) {
            throw RequestValidator.invalid("documents", "at least one multipart field 'documents' is required");
        }
        if (documents.size() > config.limits().maxDocumentsPerBatch()) {
            throw RequestValidator.invalid("documents", "a batch holds at most "
                    + config.limits().maxDocumentsPerBatch() + " documents");
        }
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            uploads.add(new Upload(documents.get(i).uploadedFile(), validator.name(documents.get(i).fileName(), i)));
        }
        SubmissionRequest req = new SubmissionRequest(tenant, uploads, validator.type(type), validator.options(options),
                validator.webhookUrl(webhookUrl), validator.metadata(metadata), Lane.BATCH,
                Idempotency.key(idempotencyKey), RequestIds.of(rc), Faults.abortPublication(config, fault));
        String jobId = SubmissionService.jobIdFor(tenant, req.idempotencyKey());
        return submissions.submit(jobId, req).map(acc -> {
            recent.remember(acc.jobId(), new RecentJobs.Recent(tenant.id(), req.type(), acc.documentIds(),
                    Instant.now()));
            ObjectNode body = mapper.createObjectNode().put("job_id", acc.jobId()).put("state", "queued");
            var docs = body.putArray("documents");
            for (int i = 0; i < acc.documentIds().size(); i++) {
                docs.addObject().put("document_id", acc.documentIds().get(i)).put("name", uploads.get(i).name())
                        .put("state", "queued");
            }
            return Response.accepted(body).location(URI.create("/v1/jobs/" + acc.jobId())).build();
        });
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A job's state, progress and per-document status")
    public Uni<ObjectNode> get(@RestPath String jobId, @RestQuery String include) {
        return queries.job(caller.tenant(), jobId, "audit".equals(include)).map(job -> {
            if (job == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no such job");
            }
            return job;
        });
    }

    @GET
    @Operation(summary = "List jobs, newest first, with filters and cursor pagination")
    public Uni<ObjectNode> list(@RestQuery String state, @RestQuery("created_after") String createdAfter,
            @RestQuery("created_before") String createdBefore, @RestQuery Integer limit, @RestQuery String cursor) {
        return queries.jobs(caller.tenant(), state, createdAfter, createdBefore, limit, cursor);
    }

    @GET
    @Path("/{jobId}/documents/{documentId}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    @Operation(summary = "A document's result: format=json (default) or text")
    public Uni<Response> document(@RestPath String jobId, @RestPath String documentId, @RestQuery String format) {
        String f = format == null ? "json" : format;
        if (!List.of("json", "text").contains(f)) {
            throw RequestValidator.invalid("format", "format is json or text");
        }
        return queries.document(caller.tenant(), jobId, documentId, f).map(u -> Response.ok(u.body())
                .type(u.contentType() != null ? u.contentType()
                        : "text".equals(f) ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                .build());
    }

    @POST
    @Path("/{jobId}/cancel")
    @Operation(summary = "Stop pending work of a job")
    public Uni<ObjectNode> cancel(@RestPath String jobId) {
        return queries.cancel(caller.tenant(), jobId, RequestIds.of(rc));
    }

    @DELETE
    @Path("/{jobId}")
    @Operation(summary = "Cancel a job and delete its results and documents now")
    public Uni<Response> delete(@RestPath String jobId) {
        recent.forget(jobId);
        return queries.delete(caller.tenant(), jobId, RequestIds.of(rc)).map(x -> Response.noContent().build());
    }
}
