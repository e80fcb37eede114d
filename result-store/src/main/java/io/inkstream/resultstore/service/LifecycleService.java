package io.inkstream.resultstore.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.Json;
import io.inkstream.contracts.Lane;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentFailed;
import io.inkstream.contracts.message.DocumentRef;
import io.inkstream.contracts.message.DocumentSplit;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobAccepted;
import io.inkstream.contracts.message.PageExtracted;
import io.inkstream.contracts.message.PageFailed;
import io.inkstream.contracts.message.PageResult;
import io.inkstream.resultstore.entity.DocumentEntity;
import io.inkstream.resultstore.entity.JobEntity;
import io.inkstream.resultstore.entity.PageEntity;
import io.inkstream.resultstore.entity.PageId;
import io.inkstream.resultstore.entity.PendingResultEntity;
import io.inkstream.resultstore.entity.States;
import io.inkstream.resultstore.repository.AuditRepository;
import io.inkstream.resultstore.repository.DocumentRepository;
import io.inkstream.resultstore.repository.JobRepository;
import io.inkstream.resultstore.repository.PageRepository;
import io.inkstream.resultstore.repository.PendingResultRepository;
import io.inkstream.resultstore.repository.UsageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The job lifecycle: creates jobs from JobAccepted, assembles documents and jobs from page results, cancels and
 * deletes. Every write of one job runs under that job's advisory lock, and every transition is applied once (the
 * state it leaves is checked first), so redelivered or reordered records never double-count.
 */
@ApplicationScoped
public class LifecycleService {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    /** Usage row type for jobs submitted without a document type. */
    public static final String DEFAULT_TYPE = "general";

    private final ObjectMapper mapper = Json.newMapper();

    @Inject
    JobRepository jobs;
    @Inject
    DocumentRepository documents;
    @Inject
    PageRepository pages;
    @Inject
    AuditRepository audit;
    @Inject
    PendingResultRepository pending;
    @Inject
    UsageRepository usage;
    @Inject
    EventWriter events;
    @Inject
    ResultCipher cipher;

    /** Creates the job and its documents; a job that already exists makes this a no-op. True when created. */
    @WithTransaction
    public Uni<Boolean> accept(JobAccepted accepted, String requestId) {
        validate(accepted);
        return jobs.lockJob(accepted.jobId())
                .chain(() -> jobs.findById(accepted.jobId()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : create(accepted, requestId).chain(this::applyPending).replaceWith(true));
    }

    /** Applies one inkstream.results CloudEvent of a known type; parks it when its job does not exist yet. */
    @WithTransaction
    public Uni<Void> applyResult(CloudEvent event, String raw, String requestId) {
        Object data = parseData(event);
        String jobId = jobIdOf(data);
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("result " + event.id() + " has no job_id");
        }
        return jobs.lockJob(jobId)
                .chain(() -> jobs.findById(jobId))
                .chain(job -> job == null ? park(jobId, raw, requestId) : applyToJob(job, data, requestId));
    }

    /** Cancels a job that is not final. Null when the tenant has no such job. */
    @WithTransaction
    public Uni<Boolean> cancel(String jobId, String tenantId, String requestId) {
        return jobs.lockJob(jobId)
                .chain(() -> jobs.findForTenant(jobId, tenantId))
                .chain(job -> {
                    if (job == null) {
                        return Uni.createFrom().item(false);
                    }
                    if (job.isFinal()) {
                        return Uni.createFrom().item(true);
                    }
                    return cancelJob(job, "cancel requested", requestId).replaceWith(true);
                });
    }

    /**
     * Deletes a job's rows (cancelling it first if it is still running, so workers stop) and returns the blob
     * references to delete once this commits; null when the tenant has no such job.
     */
    @WithTransaction
    public Uni<List<String>> delete(String jobId, String tenantId, String requestId) {
        return jobs.lockJob(jobId)
                .chain(() -> jobs.findForTenant(jobId, tenantId))
                .chain(job -> job == null ? Uni.createFrom().nullItem() : deleteJob(job, requestId));
    }

    /** Deletes a job whatever its tenant (retention); returns its blob references. */
    @WithTransaction
    public Uni<List<String>> purge(String jobId) {
        return jobs.lockJob(jobId)
                .chain(() -> jobs.findById(jobId))
                .chain(job -> job == null ? Uni.createFrom().item(List.<String>of()) : deleteJob(job, null));
    }

    private Uni<List<String>> deleteJob(JobEntity job, String requestId) {
        Uni<Void> cancelFirst = job.isFinal() ? Uni.createFrom().voidItem()
                : cancelJob(job, "deleted", requestId);
        return cancelFirst
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> documents.byJob(job.id))
                .map(docs -> docs.stream().map(d -> d.blobRef).filter(r -> r != null && !r.isBlank()).toList())
                .call(() -> pending.deleteByJob(job.id))
                .call(() -> audit.deleteByJob(job.id))
                // documents and pages go with the job (ON DELETE CASCADE)
                .call(() -> jobs.delete(job));
    }

    private Uni<Void> cancelJob(JobEntity job, String cause, String requestId) {
        Instant now = now();
        job.state = States.CANCELLED;
        job.updatedAt = now;
        job.completedAt = now;
        return documents.cancelOpen(job.id)
                .chain(() -> audit.record(job.id, now, States.CANCELLED, cause))
                .chain(() -> events.emit(job, EventTypes.JOB_CANCELLED, "job.cancelled", null, requestId));
    }

    private Uni<JobEntity> create(JobAccepted a, String requestId) {
        Instant now = now();
        JobEntity job = new JobEntity();
        job.id = a.jobId();
        job.tenantId = a.tenantId();
        job.test = a.test();
        job.type = a.type();
        job.lane = (a.lane() == null ? Lane.BATCH : a.lane()) == Lane.INTERACTIVE ? "interactive" : "batch";
        job.state = States.QUEUED;
        job.webhookUrl = a.webhookUrl();
        job.metadata = a.metadata();
        job.requestId = requestId;
        job.options = a.options() == null ? null : write(a.options());
        job.documentsTotal = a.documents().size();
        job.createdAt = a.acceptedAt() == null ? now : a.acceptedAt().truncatedTo(ChronoUnit.MICROS);
        job.updatedAt = now;
        List<DocumentEntity> docs = new ArrayList<>();
        for (DocumentRef ref : a.documents()) {
            DocumentEntity d = new DocumentEntity();
            d.id = ref.documentId() != null ? ref.documentId() : Ids.documentId(a.jobId(), ref.index());
            d.jobId = a.jobId();
            d.index = ref.index();
            d.name = ref.name();
            d.mediaType = ref.mediaType();
            d.blobRef = ref.blob();
            d.state = States.QUEUED;
            docs.add(d);
        }
        return jobs.persist(job)
                .chain(() -> documents.persist(docs))
                // rows first: page rows reference documents and Hibernate does not order unrelated entities
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> audit.record(job.id, now, States.QUEUED, "job.accepted"))
                .chain(() -> events.emit(job, EventTypes.JOB_ACCEPTED, "job.accepted", null, requestId))
                .invoke(() -> LOG.debugf("job %s created with %d documents", job.id, docs.size()))
                .replaceWith(job);
    }

    /** Applies, in arrival order, the results that came before the job, then drops them. */
    private Uni<Void> applyPending(JobEntity job) {
        return pending.byJob(job.id).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("job %s: applying %d results that arrived before it", job.id, list.size());
            return sequentially(list, p -> {
                String raw = new String(cipher.open(p.keyId, p.payload, pendingContext(p.jobId)),
                        StandardCharsets.UTF_8);
                CloudEvent event = readEvent(raw);
                return applyToJob(job, parseData(event), p.requestId);
            }).chain(() -> pending.deleteByJob(job.id)).replaceWithVoid();
        });
    }

    private Uni<Void> park(String jobId, String raw, String requestId) {
        ResultCipher.Sealed sealed = cipher.seal(raw.getBytes(StandardCharsets.UTF_8), pendingContext(jobId));
        PendingResultEntity p = new PendingResultEntity();
        p.jobId = jobId;
        p.payload = sealed.data();
        p.keyId = sealed.keyId();
        p.requestId = requestId;
        p.createdAt = now();
        LOG.debugf("result for job %s arrived before the job; parked", jobId);
        return pending.persist(p).replaceWithVoid();
    }

    private Uni<Void> applyToJob(JobEntity job, Object data, String requestId) {
        if (job.isFinal()) {
            // late results after cancel or completion never change the outcome
            return Uni.createFrom().voidItem();
        }
        String documentId = documentIdOf(data);
        return documents.findById(documentId).chain(doc -> {
            if (doc == null || !doc.jobId.equals(job.id)) {
                LOG.warnf("result for unknown document %s of job %s skipped", documentId, job.id);
                return Uni.createFrom().voidItem();
            }
            if (doc.isFinal()) {
                return Uni.createFrom().voidItem();
            }
            int[] before = { job.documentsDone, job.pagesDone, job.pagesTotal };
            Uni<Void> step;
            if (data instanceof DocumentSplit s) {
                setPageCount(job, doc, s.pageCount());
                step = markProcessing(job, doc).chain(() -> maybeFinishDocument(job, doc, requestId));
            } else if (data instanceof PageExtracted p) {
                step = recordPage(job, doc, p.page(), p.pageCount(), p.result(), null, requestId);
            } else if (data instanceof PageFailed f) {
                step = recordPage(job, doc, f.page(), f.pageCount(), null, codeOrInternal(f.code()), requestId);
            } else {
                DocumentFailed f = (DocumentFailed) data;
                step = markProcessing(job, doc).chain(() -> finishDocument(job, doc, States.FAILED,
                        codeOrInternal(f.code()), f.message(), requestId));
            }
            return step.chain(() -> maybeProgress(job, before, requestId));
        });
    }

    private Uni<Void> recordPage(JobEntity job, DocumentEntity doc, int page, int pageCount, PageResult result,
            String failureCode, String requestId) {
        return pages.findById(new PageId(doc.id, page)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            if (pageCount > 0) {
                setPageCount(job, doc, pageCount);
            }
            PageEntity pe = new PageEntity();
            pe.documentId = doc.id;
            pe.page = page;
            pe.createdAt = now();
            if (failureCode == null) {
                pe.status = States.PAGE_OK;
                if (result != null) {
                    ResultCipher.Sealed sealed = cipher.seal(writeBytes(result), pageContext(doc.id, page));
                    pe.result = sealed.data();
                    pe.keyId = sealed.keyId();
                    if (result.lowConfidence()) {
                        doc.pagesReview++;
                    }
                }
            } else {
                pe.status = States.PAGE_FAILED;
                pe.code = failureCode;
                doc.pagesFailed++;
                if (doc.code == null) {
                    doc.code = failureCode;
                }
            }
            doc.pagesDone++;
            job.pagesDone++;
            return pages.persist(pe)
                    .chain(() -> markProcessing(job, doc))
                    .chain(() -> maybeFinishDocument(job, doc, requestId));
        });
    }

    private static void setPageCount(JobEntity job, DocumentEntity doc, int pageCount) {
        if (doc.pageCount == null && pageCount > 0) {
            doc.pageCount = pageCount;
            job.pagesTotal += pageCount;
        }
    }

    private Uni<Void> markProcessing(JobEntity job, DocumentEntity doc) {
        if (States.QUEUED.equals(doc.state)) {
            doc.state = States.PROCESSING;
        }
        if (States.QUEUED.equals(job.state)) {
            Instant now = now();
            job.state = States.PROCESSING;
            job.updatedAt = now;
            return audit.record(job.id, now, States.PROCESSING, "first result");
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * A document is final once every page has a final result: failed when all pages failed; completed (code of
     * the first failed page) when only some failed; needs_review when any page was low-confidence; else completed.
     */
    private Uni<Void> maybeFinishDocument(JobEntity job, DocumentEntity doc, String requestId) {
        if (doc.pageCount == null || doc.pagesDone < doc.pageCount) {
            return Uni.createFrom().voidItem();
        }
        if (doc.pagesFailed == doc.pagesDone) {
            return finishDocument(job, doc, States.FAILED, doc.code, "all pages failed", requestId);
        }
        if (doc.pagesFailed > 0) {
            return finishDocument(job, doc, States.COMPLETED, doc.code,
                    doc.pagesFailed + " of " + doc.pageCount + " pages failed", requestId);
        }
        if (doc.pagesReview > 0) {
            return finishDocument(job, doc, States.NEEDS_REVIEW, null, null, requestId);
        }
        return finishDocument(job, doc, States.COMPLETED, null, null, requestId);
    }

    private Uni<Void> finishDocument(JobEntity job, DocumentEntity doc, String state, String code, String message,
            String requestId) {
        Instant now = now();
        doc.state = state;
        if (code != null) {
            doc.code = code;
        }
        if (message != null) {
            doc.message = message;
        }
        job.documentsDone++;
        if (States.FAILED.equals(state)) {
            job.documentsFailed++;
        } else if (States.NEEDS_REVIEW.equals(state)) {
            job.documentsReview++;
        }
        job.updatedAt = now;
        String type = switch (state) {
            case States.FAILED -> EventTypes.EXTRACTION_FAILED;
            case States.NEEDS_REVIEW -> EventTypes.EXTRACTION_NEEDS_REVIEW;
            default -> EventTypes.EXTRACTION_COMPLETED;
        };
        int docs = States.FAILED.equals(state) ? 0 : 1;
        int okPages = doc.pagesDone - doc.pagesFailed;
        Uni<Void> counted = docs == 0 && okPages == 0 ? Uni.createFrom().voidItem()
                : usage.add(job.tenantId, LocalDate.ofInstant(now, ZoneOffset.UTC),
                        job.type == null ? DEFAULT_TYPE : job.type, job.test, docs, okPages);
        return counted
                .chain(() -> events.emit(job, type, type + ":" + doc.id, doc, requestId))
                .chain(() -> job.documentsDone >= job.documentsTotal ? finishJob(job, requestId)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> finishJob(JobEntity job, String requestId) {
        Instant now = now();
        job.state = States.finalJobState(job.documentsTotal, job.documentsFailed, job.documentsReview);
        job.updatedAt = now;
        job.completedAt = now;
        return audit.record(job.id, now, job.state, "all documents final")
                .chain(() -> events.emit(job, EventTypes.JOB_COMPLETED, "job.completed", null, requestId));
    }

    /**
     * job.progress at most once per second per job; a change inside the window marks the job dirty and the
     * {@link #flushProgress} sweep publishes it later. The final job.completed carries the last progress.
     */
    private Uni<Void> maybeProgress(JobEntity job, int[] before, String requestId) {
        if (job.isFinal()) {
            job.progressDirty = false;
            return Uni.createFrom().voidItem();
        }
        boolean changed = before[0] != job.documentsDone || before[1] != job.pagesDone || before[2] != job.pagesTotal;
        if (!changed) {
            return Uni.createFrom().voidItem();
        }
        if (job.progressEmittedAt != null && job.progressEmittedAt.plus(PROGRESS_EVERY).isAfter(now())) {
            job.progressDirty = true;
            return Uni.createFrom().voidItem();
        }
        return emitProgress(job, requestId);
    }

    private Uni<Void> emitProgress(JobEntity job, String requestId) {
        job.progressEmittedAt = now();
        job.progressDirty = false;
        String transition = "job.progress:" + job.documentsDone + ":" + job.pagesDone + ":" + job.pagesTotal;
        return events.emit(job, EventTypes.JOB_PROGRESS, transition, null, requestId);
    }

    /** Publishes the pending (coalesced) progress of a job whose window has passed. True when an event was added. */
    @WithTransaction
    public Uni<Boolean> flushProgress(String jobId) {
        return jobs.lockJob(jobId).chain(() -> jobs.findById(jobId)).chain(job -> {
            if (job == null || !job.progressDirty) {
                return Uni.createFrom().item(false);
            }
            if (job.isFinal()) {
                job.progressDirty = false;
                return Uni.createFrom().item(false);
            }
            if (job.progressEmittedAt != null && job.progressEmittedAt.plus(PROGRESS_EVERY).isAfter(now())) {
                return Uni.createFrom().item(false);
            }
            return emitProgress(job, job.requestId).replaceWith(true);
        });
    }

    // ---- parsing and validation ----

    /** Parses inkstream.results data by type; IllegalArgumentException marks the record as poison (DLQ). */
    public Object parseData(CloudEvent event) {
        if (event.data() == null || event.data().isNull()) {
            throw new IllegalArgumentException("result " + event.id() + " has no data");
        }
        Object data = switch (event.type()) {
            case EventTypes.DOCUMENT_SPLIT -> event.dataAs(mapper, DocumentSplit.class);
            case EventTypes.PAGE_EXTRACTED -> event.dataAs(mapper, PageExtracted.class);
            case EventTypes.PAGE_FAILED -> event.dataAs(mapper, PageFailed.class);
            case EventTypes.DOCUMENT_FAILED -> event.dataAs(mapper, DocumentFailed.class);
            default -> throw new IllegalArgumentException("not a result type: " + event.type());
        };
        if (documentIdOf(data) == null) {
            throw new IllegalArgumentException("result " + event.id() + " has no document_id");
        }
        return data;
    }

    public CloudEvent readEvent(String raw) {
        try {
            return mapper.readValue(raw, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a CloudEvent", e);
        }
    }

    private static String jobIdOf(Object data) {
        if (data instanceof DocumentSplit s) {
            return s.jobId();
        } else if (data instanceof PageExtracted p) {
            return p.jobId();
        } else if (data instanceof PageFailed f) {
            return f.jobId();
        }
        return ((DocumentFailed) data).jobId();
    }

    private static String documentIdOf(Object data) {
        if (data instanceof DocumentSplit s) {
            return s.documentId();
        } else if (data instanceof PageExtracted p) {
            return p.documentId();
        } else if (data instanceof PageFailed f) {
            return f.documentId();
        }
        return ((DocumentFailed) data).documentId();
    }

    private static void validate(JobAccepted a) {
        if (a.jobId() == null || a.jobId().isBlank() || a.tenantId() == null || a.tenantId().isBlank()) {
            throw new IllegalArgumentException("JobAccepted needs job_id and tenant_id");
        }
        if (a.documents() == null || a.documents().isEmpty()) {
            throw new IllegalArgumentException("JobAccepted " + a.jobId() + " has no documents");
        }
        Set<Integer> indexes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (DocumentRef d : a.documents()) {
            if (!indexes.add(d.index()) || (d.documentId() != null && !ids.add(d.documentId()))) {
                throw new IllegalArgumentException("JobAccepted " + a.jobId() + " repeats a document");
            }
        }
    }

    private static String codeOrInternal(String code) {
        return code == null || code.isBlank() ? "INTERNAL" : code;
    }

    public static String pageContext(String documentId, int page) {
        return "page:" + documentId + ":" + page;
    }

    static String pendingContext(String jobId) {
        return "pending:" + jobId;
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] writeBytes(Object o) {
        try {
            return mapper.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Uni<Void> sequentially(List<T> items, Function<T, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item));
        }
        return chain;
    }
}
