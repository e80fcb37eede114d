package io.inkstream.resultstore.messaging;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.resultstore.service.LifecycleService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Consumes worker output (CloudEvent JSON strings) from inkstream.results; unknown types are skipped. */
@ApplicationScoped
public class ResultsConsumer {

    private static final Logger LOG = Logger.getLogger(ResultsConsumer.class);

    @Inject
    LifecycleService lifecycle;
    @Inject
    RecordProcessor processor;

    @Incoming(Channels.RESULTS_IN)
    public Uni<Void> consume(Message<String> message) {
        String requestId = RecordProcessor.requestId(message);
        String raw = message.getPayload();
        CloudEvent event;
        try {
            event = lifecycle.readEvent(raw);
        } catch (IllegalArgumentException e) {
            LOG.warn("malformed result record dead-lettered");
            return Uni.createFrom().completionStage(message.nack(e));
        }
        if (event.type() == null || !EventTypes.RESULT_TYPES.contains(event.type())) {
            // forward compatible: types this version does not know are someone else's business
            LOG.debugf("result of unknown type %s skipped", event.type());
            return Uni.createFrom().completionStage(message.ack());
        }
        return processor.process(message, event.type() + " " + event.id(),
                () -> lifecycle.applyResult(event, raw, requestId));
    }
}
