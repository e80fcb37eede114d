package io.inkstream.resultstore.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Json;
import io.inkstream.contracts.message.PageResult;
import io.inkstream.resultstore.entity.AuditEntity;
import io.inkstream.resultstore.entity.DocumentEntity;
import io.inkstream.resultstore.entity.JobEntity;
import io.inkstream.resultstore.entity.PageEntity;
import io.inkstream.resultstore.entity.States;
import io.inkstream.resultstore.repository.AuditRepository;
import io.inkstream.resultstore.repository.DocumentRepository;
import io.inkstream.resultstore.repository.JobRepository;
import io.inkstream.resultstore.repository.PageRepository;
import io.inkstream.resultstore.repository.UsageRepository;
import io.inkstream.resultstore.rest.ApiException;
import io.inkstream.resultstore.rest.DocumentResultView;
import io.inkstream.resultstore.rest.JobView;
import io.inkstream.resultstore.rest.UsageView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Read side of the internal API; a job view is three queries whatever the number of documents. */
@ApplicationScoped
public class QueryService {

    private final ObjectMapper mapper = Json.newMapper();

    @Inject
    JobRepository jobs;
    @Inject
    DocumentRepository documents;
    @Inject
    AuditRepository audit;
    @Inject
    PageRepository pages;
    @Inject
    UsageRepository usage;
    @Inject
    ResultCipher cipher;

    /** The job with documents and audit trail; fails NOT_FOUND for another tenant's job. */
    @WithSession
    public Uni<JobView> job(String jobId, String tenantId) {
        return jobs.findForTenant(jobId, tenantId).chain(job -> {
            if (job == null) {
                return Uni.createFrom().failure(ApiException.notFound("job " + jobId));
            }
            return documents.byJob(jobId).chain(docs -> audit.byJob(jobId).map(trail -> view(job, docs, trail)));
        });
    }

    @WithSession
    public Uni<JobView.Page> list(String tenantId, String state, Instant after, Instant before, String cursor,
            int limit) {
        Instant cursorCreated = null;
        String cursorId = null;
        if (cursor != null) {
            String[] parts = decodeCursor(cursor);
            cursorCreated = Instant.parse(parts[0]);
            cursorId = parts[1];
        }
        return jobs.list(tenantId, state, after, before, cursorCreated, cursorId, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<JobEntity> page = more ? found.subList(0, limit) : found;
            List<JobView> views = page.stream().map(j -> view(j, null, null)).toList();
            String next = more ? encodeCursor(page.get(page.size() - 1)) : null;
            return new JobView.Page(views, next);
        });
    }

    /** The document's decrypted result; fails NOT_FOUND when job or document is not the tenant's. */
    @WithSession
    public Uni<DocumentResultView> document(String jobId, String documentId, String tenantId) {
        return jobs.findForTenant(jobId, tenantId).chain(job -> {
            if (job == null) {
                return Uni.createFrom().failure(ApiException.notFound("job " + jobId));
            }
            return documents.findById(documentId).chain(doc -> {
                if (doc == null || !doc.jobId.equals(jobId)) {
                    return Uni.createFrom().failure(ApiException.notFound("document " + documentId));
                }
                return pages.byDocument(documentId).map(rows -> result(doc, rows));
            });
        });
    }

    @WithSession
    public Uni<UsageView> usage(String tenantId, LocalDate from, LocalDate to) {
        return usage.list(tenantId, from, to).map(rows -> new UsageView(rows.stream()
                .map(r -> new UsageView.Entry(r.day(), r.type(), r.test(), r.documents(), r.pages())).toList()));
    }

    private DocumentResultView result(DocumentEntity doc, List<PageEntity> rows) {
        List<PageResult> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int counted = 0;
        boolean first = true;
        for (PageEntity p : rows) {
            if (!States.PAGE_OK.equals(p.status) || p.result == null) {
                continue;
            }
            PageResult r = readPage(doc.id, p);
            results.add(r);
            if (!first) {
                text.append('\f');
            }
            first = false;
            text.append(r.text() == null ? "" : r.text());
            confidence += r.confidence();
            counted++;
        }
        return new DocumentResultView(doc.id, doc.jobId, doc.state, doc.code, doc.message, doc.pageCount,
                text.toString(), counted == 0 ? null : confidence / counted, results);
    }

    private PageResult readPage(String documentId, PageEntity p) {
        byte[] json = cipher.open(p.keyId, p.result, LifecycleService.pageContext(documentId, p.page));
        try {
            return mapper.readValue(json, PageResult.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored page result of " + documentId + " is unreadable", e);
        }
    }

    static JobView view(JobEntity j, List<DocumentEntity> docs, List<AuditEntity> trail) {
        return new JobView(j.id, j.tenantId, j.test, j.type, j.state, j.lane, j.webhookUrl, j.metadata, j.createdAt,
                j.updatedAt, j.completedAt, EventWriter.progress(j),
                docs == null ? null : docs.stream().map(d -> new JobView.DocumentView(d.id, d.index, d.name,
                        d.mediaType, d.state, d.code, d.message, d.pageCount, d.pagesDone)).toList(),
                trail == null ? null : trail.stream().map(a -> new JobView.AuditView(a.at, a.state, a.cause)).toList());
    }

    static String encodeCursor(JobEntity last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.createdAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
    }

    /** Fails INVALID_REQUEST for a cursor this service did not hand out. */
    static String[] decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = s.split("\\|", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw ApiException.invalid("cursor is not valid");
            }
            Instant.parse(parts[0]);
            return parts;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw ApiException.invalid("cursor is not valid");
        }
    }
}
