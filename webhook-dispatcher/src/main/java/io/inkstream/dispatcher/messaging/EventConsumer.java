package io.inkstream.dispatcher.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.dispatcher.config.Channels;
import io.inkstream.dispatcher.delivery.DeliveryPoller;
import io.inkstream.dispatcher.repository.DeliveryStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns lifecycle CloudEvents from inkstream.events into webhook messages: one per event for the job's
 * webhook_url (all types except job.progress) and one per enabled registered endpoint of the tenant whose
 * filter selects the type, idempotent by (event id, target). The stored payload is the
 * record value exactly as consumed, so what the receiver gets is byte-identical to what was published.
 * Malformed events are nacked and go to inkstream.events.dlq; unknown types are skipped.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryPoller poller;

    @Incoming(Channels.EVENTS_IN)
    public Uni<Void> consume(Message<String> record) {
        return Uni.createFrom().deferred(() -> handle(record.getPayload(), requestId(record)))
                .onItemOrFailure().transformToUni((ignored, error) -> error == null
                        ? Uni.createFrom().completionStage(record.ack())
                        : Uni.createFrom().completionStage(record.nack(error)));
    }

    /** Parses and enqueues one event; a failed Uni means the record is dead-lettered. */
    Uni<Void> handle(String payload, String requestId) {
        if (payload == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("event record has no value"));
        }
        CloudEvent event;
        try {
            event = mapper.readValue(payload, CloudEvent.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event is not CloudEvent JSON", e));
        }
        if (event.id() == null || event.type() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("event lacks id or type"));
        }
        if (!EventTypes.LIFECYCLE_TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        JobEventData data = event.data() == null ? null : event.dataAs(mapper, JobEventData.class);
        if (data == null || data.tenantId() == null || data.tenantId().isBlank()) {
            return Uni.createFrom().failure(
                    new IllegalArgumentException("event " + event.id() + " has no data.tenant_id"));
        }
        String jobId = data.jobId() != null ? data.jobId() : event.subject();
        long delayMs = poller.policy().initialDelay().toMillis();
        Uni<Boolean> forJob = Uni.createFrom().item(false);
        if (data.webhookUrl() != null && !data.webhookUrl().isBlank()
                && !EventTypes.JOB_PROGRESS.equals(event.type())) {
            forJob = store.insertMessage(event.id(), data.tenantId(), jobId, data.webhookUrl().trim(), null,
                    event.type(), payload, requestId, delayMs);
        }
        return forJob.flatMap(inserted -> store.insertForEndpoints(event.id(), data.tenantId(), jobId, event.type(),
                payload, requestId, delayMs).map(count -> inserted || count > 0))
                .invoke(any -> {
                    if (any) {
                        poller.kick();
                    } else {
                        LOG.debugf("event %s created no new message", event.id());
                    }
                }).replaceWithVoid();
    }

    private static String requestId(Message<String> record) {
        Optional<IncomingKafkaRecordMetadata> meta = record.getMetadata(IncomingKafkaRecordMetadata.class);
        if (meta.isEmpty()) {
            return null;
        }
        Header header = meta.get().getHeaders().lastHeader(KafkaHeaders.REQUEST_ID);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
