package io.inkstream.resultstore.repository;

import java.util.List;

import io.inkstream.resultstore.entity.PendingResultEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Results parked until their job exists. */
@ApplicationScoped
public class PendingResultRepository implements PanacheRepositoryBase<PendingResultEntity, Long> {

    public Uni<List<PendingResultEntity>> byJob(String jobId) {
        return list("jobId = ?1 order by seq", jobId);
    }

    public Uni<Long> deleteByJob(String jobId) {
        return delete("jobId", jobId);
    }
}
