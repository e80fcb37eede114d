package io.inkstream.resultstore.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Json;
import io.inkstream.contracts.message.JobAccepted;
import io.inkstream.resultstore.service.LifecycleService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Consumes JobAccepted from inkstream.jobs: the job exists from the moment the gateway acknowledged it. */
@ApplicationScoped
public class JobsConsumer {

    private final ObjectMapper mapper = Json.newMapper();

    @Inject
    LifecycleService lifecycle;
    @Inject
    RecordProcessor processor;

    @Incoming(Channels.JOBS_IN)
    public Uni<Void> consume(Message<String> message) {
        String requestId = RecordProcessor.requestId(message);
        return processor.process(message, "JobAccepted", () -> {
            JobAccepted accepted;
            try {
                accepted = mapper.readValue(message.getPayload(), JobAccepted.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("malformed JobAccepted", e);
            }
            return lifecycle.accept(accepted, requestId);
        });
    }
}
