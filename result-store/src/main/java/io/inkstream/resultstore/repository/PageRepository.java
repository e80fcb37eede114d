package io.inkstream.resultstore.repository;

import java.util.List;

import io.inkstream.resultstore.entity.PageEntity;
import io.inkstream.resultstore.entity.PageId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Page results. */
@ApplicationScoped
public class PageRepository implements PanacheRepositoryBase<PageEntity, PageId> {

    public Uni<List<PageEntity>> byDocument(String documentId) {
        return list("documentId = ?1 order by page", documentId);
    }
}
