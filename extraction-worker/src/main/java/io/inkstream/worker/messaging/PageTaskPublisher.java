package io.inkstream.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Lane;
import io.inkstream.worker.service.PageTaskSink;

/** Sends PageTasks to their lane's pages topic (key documentId:page) and waits for the broker's ack. */
@ApplicationScoped
public class PageTaskPublisher {

    /** Outgoing channel for page tasks; the topic is chosen per record from the task's lane. */
    public static final String CHANNEL = "page-tasks";

    @Inject
    @Channel(CHANNEL)
    Emitter<String> emitter;

    @Inject
    ObjectMapper mapper;

    public PageTaskSink sinkFor(String requestId) {
        return task -> {
            String json;
            try {
                json = mapper.writeValueAsString(task);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise PageTask", e);
            }
            Lane lane = task.lane() == null ? Lane.BATCH : task.lane();
            KafkaSends.sendAndAwait(emitter, lane.pagesTopic(), task.key(), json, requestId,
                    "page task " + task.key());
        };
    }
}
