package io.inkstream.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.inkstream.worker.service.ResultSink;

/** Sends results to inkstream.results (key = job id, value = CloudEvent JSON) and waits for the broker's ack. */
@ApplicationScoped
public class ResultPublisher {

    /** Outgoing channel bound to inkstream.results. */
    public static final String CHANNEL = "results";

    @Inject
    @Channel(CHANNEL)
    Emitter<String> emitter;

    /** A sink that stamps every record with the incoming record's x-request-id. */
    public ResultSink sinkFor(String requestId) {
        return result -> KafkaSends.sendAndAwait(emitter, null, result.key(), result.json(), requestId,
                result.type() + " " + result.eventId());
    }
}
