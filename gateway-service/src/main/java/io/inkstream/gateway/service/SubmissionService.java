package io.inkstream.gateway.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.Ids;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.StoredBlob;
import io.inkstream.contracts.message.DocumentRef;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.JobAccepted;
import io.inkstream.gateway.client.ResultStoreClient;
import io.inkstream.gateway.config.GatewayConfig;
import io.inkstream.gateway.messaging.SubmissionPublisher;
import io.inkstream.gateway.rest.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepts a job: inspects every document, streams each into the blob store, then publishes the job and
 * its documents in one transaction. A batch is accepted whole or not at all; blobs of a refused or
 * unpublished batch are deleted.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final BlobStore blobs;
    private final DocumentInspector inspector;
    private final SubmissionPublisher publisher;
    private final ResultStoreClient resultStore;
    private final GatewayConfig config;
    private final MeterRegistry metrics;
    private final IdempotencyStore idempotency;
    private final ActiveJobs activeJobs;

    SubmissionService(BlobStore blobs, DocumentInspector inspector, SubmissionPublisher publisher,
            ResultStoreClient resultStore, GatewayConfig config, MeterRegistry metrics,
            IdempotencyStore idempotency, ActiveJobs activeJobs) {
        this.idempotency = idempotency;
        this.activeJobs = activeJobs;
        this.blobs = blobs;
        this.inspector = inspector;
        this.publisher = publisher;
        this.resultStore = resultStore;
        this.config = config;
        this.metrics = metrics;
    }

    /** The job id a request will get: derived from the Idempotency-Key when there is one, so retries converge. */
    public static String jobIdFor(Tenant tenant, String idempotencyKey) {
        return idempotencyKey == null ? Ids.newJobId() : Ids.jobId(tenant.id(), idempotencyKey);
    }

    public Uni<AcceptedJob> submit(String jobId, SubmissionRequest req) {
        if (req.idempotencyKey() == null) {
            return storeAndPublish(jobId, req);
        }
        String tenant = req.tenant().id();
        String fingerprint = fingerprint(req);
        return idempotency.claim(tenant, req.idempotencyKey(), fingerprint, jobId).chain(claim -> {
            if (claim == IdempotencyStore.Claim.REPLAY) {
                return Uni.createFrom().item(replayed(jobId, req));
            }
            // Redis may have forgotten the key: the result-store knows whether the derived job exists.
            return resultStore.job(tenant, jobId).map(r -> r.status() == 200)
                    // Without an answer the gateway cannot know whether this retry's job exists: refuse for now
                    // rather than risk a second job.
                    .onFailure(e -> !(e instanceof ApiException))
                    .transform(e -> ApiException.unavailable("cannot check the Idempotency-Key's job; retry", 5))
                    .chain(exists -> exists ? Uni.createFrom().item(replayed(jobId, req))
                            : storeAndPublish(jobId, req))
                    .call(acc -> idempotency.complete(tenant, req.idempotencyKey(), fingerprint, jobId))
                    .onFailure().call(e -> idempotency.release(tenant, req.idempotencyKey()));
        });
    }

    private AcceptedJob replayed(String jobId, SubmissionRequest req) {
        deleteUploads(req.uploads());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < req.uploads().size(); i++) {
            ids.add(Ids.documentId(jobId, i));
        }
        return new AcceptedJob(jobId, ids, true);
    }

    private Uni<AcceptedJob> storeAndPublish(String jobId, SubmissionRequest req) {
        return activeJobs.admit(req.tenant(), jobId)
                .chain(x -> Uni.createFrom().item(() -> store(jobId, req))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .chain(stored -> publish(jobId, req, stored))
                        .onFailure().call(e -> activeJobs.release(req.tenant().id(), req.tenant().test(), jobId)));
    }

    /** SHA-256 over everything that defines the request, so a reused key with another body is recognised. */
    static String fingerprint(SubmissionRequest req) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add = v -> {
                sha.update(String.valueOf(v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            };
            add.accept(req.lane().name());
            add.accept(req.type());
            add.accept(String.valueOf(req.options()));
            add.accept(req.webhookUrl());
            add.accept(String.valueOf(new java.util.TreeMap<>(req.metadata())));
            byte[] buf = new byte[64 * 1024];
            for (Upload u : req.uploads()) {
                add.accept(u.name());
                try (InputStream in = Files.newInputStream(u.file())) {
                    int n;
                    while ((n = in.read(buf)) != -1) {
                        sha.update(buf, 0, n);
                    }
                }
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw RequestValidator.invalid("documents", "an uploaded document could not be read");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<AcceptedJob> publish(String jobId, SubmissionRequest req, List<DocumentRef> docs) {
        Instant now = Instant.now();
        JobAccepted job = new JobAccepted(JobAccepted.SCHEMA_VERSION, jobId, req.tenant().id(), req.tenant().test(),
                req.lane(), req.type(), req.options(), req.webhookUrl(), req.metadata(), docs, now);
        List<DocumentSubmitted> submitted = docs.stream().map(d -> new DocumentSubmitted(
                DocumentSubmitted.SCHEMA_VERSION, jobId, d.documentId(), req.tenant().id(), req.tenant().test(),
                d.index(), req.lane(), req.type(), req.options(), d.name(), d.mediaType(), d.size(), d.sha256(),
                d.blob(), d.sourceUrl(), now)).toList();
        return publisher.publish(job, submitted, req.requestId(), req.abortPublication())
                .onFailure().invoke(e -> deleteBlobs(docs))
                .onFailure(SubmissionPublisher.PublicationAbortedException.class)
                .transform(e -> ApiException.unavailable("publication aborted (test fault hook)", 1))
                .onFailure(e -> !(e instanceof ApiException))
                .transform(e -> {
                    LOG.warnf("publishing job %s failed: %s", jobId, e.toString());
                    return ApiException.unavailable("the job could not be queued; retry", 2);
                })
                .invoke(() -> {
                    metrics.counter("ocr_requests_total", "lane", req.lane().name().toLowerCase(),
                            "type", req.type(), "outcome", "accepted").increment();
                    LOG.infof("accepted job %s with %d document(s) on the %s lane", jobId, docs.size(),
                            req.lane().name().toLowerCase());
                })
                .map(x -> new AcceptedJob(jobId, docs.stream().map(DocumentRef::documentId).toList(), false));
    }

    /** Blocking: reads temp files and writes blobs. */
    private List<DocumentRef> store(String jobId, SubmissionRequest req) {
        List<Upload> uploads = req.uploads();
        try {
            List<Map<String, Object>> refused = new ArrayList<>();
            List<String> types = new ArrayList<>();
            ErrorCode first = null;
            for (int i = 0; i < uploads.size(); i++) {
                Upload u = uploads.get(i);
                long size = Files.size(u.file());
                DocumentInspector.Verdict v = size > config.limits().maxDocumentBytes()
                        ? new DocumentInspector.Verdict(null, ErrorCode.DOCUMENT_TOO_LARGE,
                                "larger than " + config.limits().maxDocumentBytes() + " bytes")
                        : inspector.inspect(u.file());
                types.add(v.mediaType());
                if (!v.ok()) {
                    first = first == null ? v.error() : first;
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("index", i);
                    e.put("name", u.name());
                    e.put("code", v.error().name());
                    e.put("detail", v.reason());
                    refused.add(e);
                }
            }
            if (!refused.isEmpty()) {
                metrics.counter("ocr_errors_total", "stage", "inspect", "code", first.name()).increment();
                String detail = uploads.size() == 1 ? (String) refused.get(0).get("detail")
                        : refused.size() + " of " + uploads.size() + " documents were refused; nothing was queued";
                throw new ApiException(first, detail, Map.of("errors", refused));
            }
            List<DocumentRef> refs = new ArrayList<>();
            try {
                for (int i = 0; i < uploads.size(); i++) {
                    Upload u = uploads.get(i);
                    StoredBlob blob;
                    try (InputStream in = Files.newInputStream(u.file())) {
                        blob = blobs.put(req.tenant().id(), in);
                    }
                    Files.deleteIfExists(u.file());
                    refs.add(new DocumentRef(Ids.documentId(jobId, i), i, u.name(), types.get(i), blob.size(),
                            blob.sha256(), blob.ref().toString(), null));
                }
            } catch (IOException | RuntimeException e) {
                deleteBlobs(refs);
                throw e;
            }
            return refs;
        } catch (IOException e) {
            LOG.warnf("storing documents of job %s failed: %s", jobId, e.toString());
            throw ApiException.unavailable("the document store is unavailable; retry", 5);
        } finally {
            deleteUploads(uploads);
        }
    }

    private void deleteBlobs(List<DocumentRef> refs) {
        for (DocumentRef r : refs) {
            try {
                blobs.delete(io.inkstream.contracts.blob.BlobRef.parse(r.blob()));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("could not delete blob of document %s: %s", r.documentId(), e.toString());
            }
        }
    }

    private static void deleteUploads(List<Upload> uploads) {
        for (Upload u : uploads) {
            try {
                Files.deleteIfExists(u.file());
            } catch (IOException e) {
                LOG.warnf("could not delete an upload temp file: %s", e.toString());
            }
        }
    }
}
