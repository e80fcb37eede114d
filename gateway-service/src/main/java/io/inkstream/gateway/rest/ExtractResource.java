package io.inkstream.gateway.rest;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.Lane;
import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.service.AcceptedJob;
import io.inkstream.gateway.service.JobQueries;
import io.inkstream.gateway.service.RecentJobs;
import io.inkstream.gateway.service.RequestValidator;
import io.inkstream.gateway.service.SubmissionRequest;
import io.inkstream.gateway.service.SubmissionService;
import io.inkstream.gateway.service.SyncWaiters;
import io.inkstream.gateway.service.Tenant;
import io.inkstream.gateway.service.Upload;
import io.inkstream.gateway.service.UploadSpooler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * POST /v1/extract: one document, answered with its result when it completes within the wait, or 202 with
 * the job to poll. Past the wait the work goes on; nothing is lost and nothing runs twice.
 */
@Path("/v1/extract")
@Tag(name = "extract")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    private final SubmissionService submissions;
    private final SyncWaiters waiters;
    private final JobQueries queries;
    private final RecentJobs recent;
    private final RequestValidator validator;
    private final CallerContext caller;
    private final GatewayConfig config;
    private final RoutingContext rc;
    private final ObjectMapper mapper;
    private final UploadSpooler spooler;

    ExtractResource(SubmissionService submissions, SyncWaiters waiters, JobQueries queries, RecentJobs recent,
            RequestValidator validator, CallerContext caller, GatewayConfig config, RoutingContext rc,
            ObjectMapper mapper, UploadSpooler spooler) {
        this.mapper = mapper;
        this.spooler = spooler;
        this.submissions = submissions;
        this.waiters = waiters;
        this.queries = queries;
        this.recent = recent;
        this.validator = validator;
        this.caller = caller;
        this.config = config;
        this.rc = rc;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Extract one document (multipart field `document`)")
    public Uni<Response> extractMultipart(@RestForm("document") FileUpload document, @RestForm String type,
            @RestForm String options, @RestForm("webhook_url") String webhookUrl, @RestForm String metadata,
            @RestHeader("Prefer") String prefer, @RestHeader("Idempotency-Key") String idempotencyKey,
            @RestHeader("X-Inkstream-Fault") String fault) {
        if (document == null) {
            throw RequestValidator.invalid("document", "multipart field 'document' with the file is required");
        }
        Upload upload = new Upload(document.uploadedFile(), validator.name(document.fileName(), 0));
        return extract(upload, type, validator.options(options), webhookUrl, validator.metadata(metadata), prefer,
                idempotencyKey, fault);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "Extract one document sent as the raw request body")
    public Uni<Response> extractRaw(InputStream body, @RestQuery String type, @RestQuery String languages,
            @RestQuery("webhook_url") String webhookUrl, @RestQuery String name,
            @RestHeader("Prefer") String prefer, @RestHeader("Idempotency-Key") String idempotencyKey,
            @RestHeader("X-Inkstream-Fault") String fault) {
        java.nio.file.Path tmp = spooler.spool(body);
        ObjectNode opts = languages == null ? null : mapper.createObjectNode().put("languages", languages);
        return extract(new Upload(tmp, validator.name(name, 0)), type, validator.options(opts), webhookUrl, Map.of(),
                prefer, idempotencyKey, fault);
    }

    private Uni<Response> extract(Upload upload, String type, io.inkstream.contracts.message.ExtractionOptions opts,
            String webhookUrl, Map<String, String> metadata, String preferHeader, String idempotencyKey,
            String fault) {
        Tenant tenant = caller.tenant();
        Prefer prefer = Prefer.parse(preferHeader, config.sync().defaultWait(), config.sync().maxWait());
        String requestId = RequestIds.of(rc);
        SubmissionRequest req = new SubmissionRequest(tenant, List.of(upload), validator.type(type), opts,
                validator.webhookUrl(webhookUrl), metadata, Lane.INTERACTIVE, Idempotency.key(idempotencyKey),
                requestId, Faults.abortPublication(config, fault));
        String jobId = SubmissionService.jobIdFor(tenant, req.idempotencyKey());
        // Registered before publication so a completion that races the answer cannot be missed.
        CompletableFuture<String> done = prefer.respondAsync() ? null : waiters.register(jobId);
        return submissions.submit(jobId, req)
                .onFailure().invoke(e -> waiters.forget(jobId))
                .chain(acc -> {
                    recent.remember(acc.jobId(), new RecentJobs.Recent(tenant.id(), req.type(), acc.documentIds(),
                            Instant.now()));
                    if (prefer.respondAsync()) {
                        return Uni.createFrom().item(accepted(acc, null, true));
                    }
                    return awaitCompletion(tenant, acc, prefer, done);
                });
    }

    private Uni<Response> awaitCompletion(Tenant tenant, AcceptedJob acc, Prefer prefer,
            CompletableFuture<String> done) {
        // The state is re-checked after the wait: a replayed job that finished earlier, or an event this
        // replica missed, still answers 200 instead of a needless 202.
        Uni<String> completion = Uni.createFrom().completionStage(done)
                .ifNoItem().after(prefer.waitFor()).recoverWithItem((String) null);
        // A replayed key may point at a job that finished long ago: look before waiting for an event.
        Uni<String> ready = !acc.replayed() ? completion
                : queries.job(tenant, acc.jobId(), false).onFailure().recoverWithNull().chain(job ->
                        job != null && JobQueries.FINAL_STATES.contains(job.path("state").asText())
                                ? Uni.createFrom().item("final")
                                : completion);
        return ready
                .onTermination().invoke(() -> waiters.forget(acc.jobId()))
                .chain(evt -> queries.job(tenant, acc.jobId(), false))
                .chain(job -> {
                    if (job == null || !JobQueries.FINAL_STATES.contains(job.path("state").asText())) {
                        return Uni.createFrom().item(accepted(acc, job, false));
                    }
                    String documentId = acc.documentIds().get(0);
                    return queries.documentJson(tenant, acc.jobId(), documentId)
                            .map(result -> completed(job, result));
                })
                // The job is accepted and runs on: a read failure now must not turn into an error the client
                // would retry, so it answers 202 with the job to poll.
                .onFailure().recoverWithItem(e -> accepted(acc, null, false));
    }

    private Response completed(ObjectNode job, ObjectNode result) {
        String state = result.path("state").asText();
        if ("failed".equals(state)) {
            ErrorCode code = ErrorCode.DOCUMENT_UNREADABLE;
            try {
                code = ErrorCode.valueOf(result.path("code").asText());
            } catch (IllegalArgumentException e) {
                // keep the generic unreadable code
            }
            return Problem.response(code, result.path("message").asText("the document could not be extracted"),
                    rc.request().path(), RequestIds.of(rc), Map.of("job_id", job.path("job_id").asText(),
                            "document_id", result.path("document_id").asText()),
                    null);
        }
        job.set("result", result);
        return Response.ok(job).build();
    }

    private Response accepted(AcceptedJob acc, ObjectNode job, boolean asyncPreferred) {
        ObjectNode body = job != null ? job : mapper.createObjectNode().put("job_id", acc.jobId()).put("state", "queued");
        Response.ResponseBuilder rb = Response.accepted(body).location(URI.create("/v1/jobs/" + acc.jobId()));
        if (asyncPreferred) {
            rb.header("Preference-Applied", "respond-async");
        }
        return rb.build();
    }
}
