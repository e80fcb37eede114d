package io.inkstream.worker.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.inkstream.contracts.KafkaHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends one keyed record with the request id header and blocks until the broker acknowledged it. */
final class KafkaSends {

    private static final long SEND_TIMEOUT_SECONDS = 60;

    private KafkaSends() {
    }

    /** topic null means the channel's configured topic. */
    static void sendAndAwait(Emitter<String> emitter, String topic, String key, String json, String requestId,
            String what) {
        RecordHeaders headers = new RecordHeaders();
        if (requestId != null) {
            headers.add(KafkaHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> meta =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers);
        if (topic != null) {
            meta = meta.withTopic(topic);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message<String> message = Message.of(json, Metadata.of(meta.build()),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        try {
            done.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing " + what + " failed", e);
        }
    }
}
