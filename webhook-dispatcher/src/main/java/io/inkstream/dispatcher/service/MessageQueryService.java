package io.inkstream.dispatcher.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.inkstream.dispatcher.entity.Attempt;
import io.inkstream.dispatcher.entity.Message;
import io.inkstream.dispatcher.repository.AttemptRepository;
import io.inkstream.dispatcher.repository.MessageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads messages with their attempt logs for the internal API. */
@ApplicationScoped
public class MessageQueryService {

    /** A message and its attempts, oldest first. */
    public record MessageWithAttempts(Message message, List<Attempt> attempts) {
    }

    @Inject
    MessageRepository messages;

    @Inject
    AttemptRepository attempts;

    /** One message of the tenant with its attempts, or null. */
    @WithSession
    public Uni<MessageWithAttempts> one(String tenantId, UUID messageId) {
        return messages.find("tenantId = ?1 and id = ?2", tenantId, messageId).firstResult()
                .flatMap(m -> m == null ? Uni.createFrom().nullItem()
                        : attempts.byMessages(List.of(m.id)).map(list -> new MessageWithAttempts(m, list)));
    }

    /** An endpoint's latest attempts (the endpoint must belong to the tenant; checked by the caller). */
    @WithSession
    public Uni<List<Attempt>> endpointAttempts(String tenantId, UUID endpointId, int limit) {
        return attempts.recentForEndpoint(tenantId, endpointId, limit);
    }

    @WithSession
    public Uni<List<MessageWithAttempts>> byJob(String tenantId, String jobId) {
        return messages.byTenantAndJob(tenantId, jobId).flatMap(list -> attempts
                .byMessages(list.stream().map(m -> m.id).toList())
                .map(all -> {
                    Map<UUID, List<Attempt>> byMessage = all.stream()
                            .collect(Collectors.groupingBy(a -> a.messageId));
                    return list.stream()
                            .map(m -> new MessageWithAttempts(m, byMessage.getOrDefault(m.id, List.of())))
                            .toList();
                }));
    }
}
