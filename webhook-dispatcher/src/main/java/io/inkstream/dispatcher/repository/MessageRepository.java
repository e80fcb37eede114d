package io.inkstream.dispatcher.repository;

import java.util.List;
import java.util.UUID;

import io.inkstream.dispatcher.entity.Message;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Messages (deliveries); the hot-path claim and result updates live in {@code DeliveryStore}. */
@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    public Uni<List<Message>> byTenantAndJob(String tenantId, String jobId) {
        return list("tenantId = ?1 and jobId = ?2 order by createdAt, id", tenantId, jobId);
    }
}
