package io.inkstream.gateway.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.contracts.Topics;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.JobAccepted;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a job and its documents in one Kafka transaction: a read_committed consumer sees the whole
 * batch or nothing.
 */
@ApplicationScoped
public class SubmissionPublisher {

    private final KafkaTransactions<Object> transactions;

    SubmissionPublisher(@Channel(Channels.SUBMISSIONS) KafkaTransactions<Object> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param abortAfterSend test hook: send everything, then abort, to prove nothing becomes visible
     */
    public Uni<Void> publish(JobAccepted job, List<DocumentSubmitted> documents, String requestId,
            boolean abortAfterSend) {
        return transactions.withTransaction(tx -> {
            tx.send(record(Topics.JOBS, job.jobId(), job, requestId));
            for (DocumentSubmitted d : documents) {
                tx.send(record(d.lane().documentsTopic(), d.documentId(), d, requestId));
            }
            if (abortAfterSend) {
                return Uni.createFrom().failure(new PublicationAbortedException());
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static Message<Object> record(String topic, String key, Object value, String requestId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build());
    }

    /** Raised inside the transaction by the abort test hook. */
    public static class PublicationAbortedException extends RuntimeException {
        PublicationAbortedException() {
            super("publication aborted by the test fault hook", null, false, false);
        }
    }
}
