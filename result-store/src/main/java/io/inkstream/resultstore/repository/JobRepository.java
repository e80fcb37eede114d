package io.inkstream.resultstore.repository;

import java.time.Instant;
import java.util.List;

import io.inkstream.resultstore.entity.JobEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Jobs. */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<JobEntity, String> {

    /**
     * Serialises every writer of one job (jobs consumer, results consumer, cancel, delete) until commit, including
     * writers that find no job row yet; that is what makes "result before JobAccepted" safe.
     */
    public Uni<Void> lockJob(String jobId) {
        return Panache.getSession().chain(s -> s
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) l", Integer.class)
                .setParameter("k", jobId)
                .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<JobEntity> findForTenant(String jobId, String tenantId) {
        return find("id = :id and tenantId = :t", Parameters.with("id", jobId).and("t", tenantId)).firstResult();
    }

    /** Newest first, keyset-paginated on (createdAt, id). */
    public Uni<List<JobEntity>> list(String tenantId, String state, Instant after, Instant before,
            Instant cursorCreated, String cursorId, int limit) {
        StringBuilder q = new StringBuilder("tenantId = :t");
        Parameters p = Parameters.with("t", tenantId);
        if (state != null) {
            q.append(" and state = :s");
            p.and("s", state);
        }
        if (after != null) {
            q.append(" and createdAt > :a");
            p.and("a", after);
        }
        if (before != null) {
            q.append(" and createdAt < :b");
            p.and("b", before);
        }
        if (cursorCreated != null) {
            q.append(" and (createdAt < :cc or (createdAt = :cc and id < :ci))");
            p.and("cc", cursorCreated).and("ci", cursorId);
        }
        q.append(" order by createdAt desc, id desc");
        return find(q.toString(), p).range(0, limit - 1).list();
    }

    public Uni<List<String>> idsCreatedBefore(Instant cutoff, int max) {
        return find("createdAt < ?1 order by createdAt", cutoff).range(0, max - 1).project(IdOnly.class).list()
                .map(l -> l.stream().map(IdOnly::id).toList());
    }

    /** Jobs with coalesced progress whose one-second window has passed. */
    public Uni<List<String>> idsWithDueProgress(Instant emittedBefore, int max) {
        return find("progressDirty = true and (progressEmittedAt is null or progressEmittedAt < ?1)", emittedBefore)
                .range(0, max - 1).project(IdOnly.class).list()
                .map(l -> l.stream().map(IdOnly::id).toList());
    }

    /** Projection of a job's id. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record IdOnly(String id) {
    }
}
