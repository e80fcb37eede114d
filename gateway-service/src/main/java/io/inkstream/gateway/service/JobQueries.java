package io.inkstream.gateway.service;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.gateway.client.ResultStoreClient;
import io.inkstream.gateway.client.Upstream;
import io.inkstream.gateway.rest.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads jobs and results from the result-store and shapes them for the public API. */
@ApplicationScoped
public class JobQueries {

    private static final Logger LOG = Logger.getLogger(JobQueries.class);
    /** Job states after which nothing changes. */
    public static final Set<String> FINAL_STATES = Set.of("completed", "needs_review", "partially_completed",
            "failed", "cancelled");

    private final ResultStoreClient resultStore;
    private final RecentJobs recent;
    private final ObjectMapper mapper;

    JobQueries(ResultStoreClient resultStore, RecentJobs recent, ObjectMapper mapper) {
        this.resultStore = resultStore;
        this.recent = recent;
        this.mapper = mapper;
    }

    /** The public view of a job, or empty when the result-store does not (yet) know it. */
    public Uni<ObjectNode> job(Tenant tenant, String jobId, boolean withAudit) {
        return guard(resultStore.job(tenant.id(), jobId)).map(u -> {
            if (u.status() == 404) {
                return queuedView(jobId, recent.find(tenant.id(), jobId));
            }
            ObjectNode job = json(expectOk(u));
            job.remove("tenant_id");
            if (!withAudit) {
                job.remove("audit");
            }
            return job;
        });
    }

    public Uni<ObjectNode> jobs(Tenant tenant, String state, String createdAfter, String createdBefore,
            Integer limit, String cursor) {
        return guard(resultStore.jobs(tenant.id(), state, createdAfter, createdBefore, limit, cursor)).map(u -> {
            ObjectNode page = json(expectOk(u));
            page.path("jobs").forEach(j -> ((ObjectNode) j).remove("tenant_id"));
            return page;
        });
    }

    public Uni<Upstream> document(Tenant tenant, String jobId, String documentId, String format) {
        return guard(resultStore.document(tenant.id(), jobId, documentId, format)).map(this::expectOk);
    }

    public Uni<ObjectNode> documentJson(Tenant tenant, String jobId, String documentId) {
        return document(tenant, jobId, documentId, "json").map(this::json);
    }

    public Uni<ObjectNode> cancel(Tenant tenant, String jobId, String requestId) {
        return guard(resultStore.cancel(tenant.id(), jobId, requestId)).map(u -> {
            ObjectNode job = json(expectOk(u));
            job.remove("tenant_id");
            job.remove("audit");
            return job;
        });
    }

    public Uni<Void> delete(Tenant tenant, String jobId, String requestId) {
        return guard(resultStore.delete(tenant.id(), jobId, requestId)).map(this::expectOk).replaceWithVoid();
    }

    public Uni<ObjectNode> usage(Tenant tenant, String from, String to) {
        return guard(resultStore.usage(tenant.id(), from, to)).map(u -> json(expectOk(u)));
    }

    private ObjectNode queuedView(String jobId, RecentJobs.Recent r) {
        if (r == null) {
            return null;
        }
        ObjectNode job = mapper.createObjectNode();
        job.put("job_id", jobId);
        job.put("state", "queued");
        job.put("type", r.type());
        job.put("created_at", r.acceptedAt().toString());
        ObjectNode progress = job.putObject("progress");
        progress.put("documents_done", 0);
        progress.put("documents_total", r.documentIds().size());
        progress.put("pages_done", 0);
        progress.put("pages_total", 0);
        var docs = job.putArray("documents");
        r.documentIds().forEach(id -> docs.addObject().put("document_id", id).put("state", "queued"));
        return job;
    }

    private Uni<Upstream> guard(Uni<Upstream> call) {
        return call.onFailure(e -> !(e instanceof ApiException)).transform(e -> {
            LOG.warnf("result-store call failed: %s", e.toString());
            return ApiException.unavailable("results are temporarily unavailable; retry", 5);
        });
    }

    private Upstream expectOk(Upstream u) {
        if (u.status() == 404) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no such job or document");
        }
        if (u.status() >= 400) {
            String detail = "invalid request";
            try {
                detail = mapper.readTree(u.body()).path("detail").asText(detail);
            } catch (IOException ignored) {
                // keep the generic detail
            }
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    detail, Map.of());
        }
        return u;
    }

    private ObjectNode json(Upstream u) {
        try {
            JsonNode node = mapper.readTree(u.body());
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            // fall through
        }
        throw ApiException.unavailable("results are temporarily unavailable; retry", 5);
    }
}
