package io.inkstream.resultstore.repository;

import java.util.List;

import io.inkstream.resultstore.entity.DocumentEntity;
import io.inkstream.resultstore.entity.States;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Documents of jobs. */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<DocumentEntity, String> {

    public Uni<List<DocumentEntity>> byJob(String jobId) {
        return list("jobId = ?1 order by index", jobId);
    }

    /** Marks every document that is not final as cancelled; returns how many changed. */
    public Uni<Integer> cancelOpen(String jobId) {
        return update("state = ?1 where jobId = ?2 and state in (?3, ?4)", States.CANCELLED, jobId, States.QUEUED,
                States.PROCESSING);
    }
}
