package io.inkstream.resultstore.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes lifecycle events into the outbox inside the caller's transaction; the relay publishes them. */
@ApplicationScoped
public class OutboxRepository {

    /** Inserts the rendered event; an event id already present is a no-op (ids are deterministic per transition). */
    public Uni<Boolean> add(String eventId, String jobId, String type, String payload, String requestId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "insert into result_store.outbox (event_id, job_id, type, payload, request_id, created_at) "
                        + "values (:e, :j, :t, :p, :r, now()) on conflict (event_id) do nothing")
                .setParameter("e", eventId)
                .setParameter("j", jobId)
                .setParameter("t", type)
                .setParameter("p", payload)
                .setParameter("r", requestId)
                .executeUpdate())
                .map(n -> n > 0);
    }
}
