package io.inkstream.dispatcher.messaging;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.dispatcher.config.Channels;
import io.inkstream.dispatcher.delivery.ClaimedMessage;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Publishes an exhausted or rejected delivery to inkstream.webhooks.dlq: the original CloudEvent JSON as value,
 * the job id as key, headers with the reason, the target message id and the original x-request-id.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String HEADER_MESSAGE_ID = "webhook-message-id";
    public static final String HEADER_TARGET = "webhook-target";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    @Inject
    @Channel(Channels.WEBHOOKS_DLQ)
    Emitter<String> emitter;

    /** Completes when the broker acknowledged the record; a failure is logged, the message stays replayable. */
    public Uni<Void> publish(ClaimedMessage m, String reason, String cause) {
        OutgoingKafkaRecordMetadataBuilder<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(m.jobId() != null ? m.jobId() : m.eventId());
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(KafkaHeaders.DLQ_REASON, bytes(reason));
        headers.add(KafkaHeaders.DLQ_CAUSE, bytes(cause));
        headers.add(HEADER_MESSAGE_ID, bytes(m.id().toString()));
        headers.add(HEADER_TARGET, bytes(m.target()));
        if (m.requestId() != null) {
            headers.add(KafkaHeaders.REQUEST_ID, bytes(m.requestId()));
        }
        meta.withHeaders(headers);
        return Uni.createFrom().emitter(em -> emitter.send(Message.of(m.payload())
                .addMetadata(meta.build())
                .withAck(() -> {
                    em.complete(null);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                })
                .withNack(error -> {
                    LOG.warnf("dead-letter publish failed for message %s: %s", m.id(), error.getMessage());
                    em.complete(null);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                })));
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
