package io.inkstream.dispatcher.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.inkstream.dispatcher.entity.Attempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The attempt log. */
@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<Attempt, UUID> {

    public Uni<List<Attempt>> byMessages(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("messageId in ?1 order by at, attemptNo", messageIds);
    }

    /** An endpoint's most recent attempts, newest first. */
    public Uni<List<Attempt>> recentForEndpoint(String tenantId, UUID endpointId, int limit) {
        return find("messageId in (select m.id from Message m where m.endpointId = ?1 and m.tenantId = ?2)"
                + " order by at desc, attemptNo desc", endpointId, tenantId).page(0, limit).list();
    }
}
