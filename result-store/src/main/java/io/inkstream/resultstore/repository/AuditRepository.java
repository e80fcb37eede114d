package io.inkstream.resultstore.repository;

import java.time.Instant;
import java.util.List;

import io.inkstream.resultstore.entity.AuditEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Job audit trail. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntity, Long> {

    public Uni<Void> record(String jobId, Instant at, String state, String cause) {
        AuditEntity a = new AuditEntity();
        a.jobId = jobId;
        a.at = at;
        a.state = state;
        a.cause = cause;
        return persist(a).replaceWithVoid();
    }

    public Uni<List<AuditEntity>> byJob(String jobId) {
        return list("jobId = ?1 order by id", jobId);
    }

    public Uni<Long> deleteByJob(String jobId) {
        return delete("jobId", jobId);
    }
}
