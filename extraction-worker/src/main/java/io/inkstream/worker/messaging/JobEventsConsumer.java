package io.inkstream.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.worker.service.CancelledJobs;

/**
 * Reads lifecycle events (every instance in its own consumer group, so each sees every cancellation) and remembers
 * cancelled jobs; other event types are skipped, malformed JSON is dead-lettered.
 */
@ApplicationScoped
public class JobEventsConsumer {

    /** Incoming channel bound to inkstream.events. */
    public static final String CHANNEL = "job-events";

    private static final Logger LOG = Logger.getLogger(JobEventsConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    CancelledJobs cancelled;

    @Incoming(CHANNEL)
    public void onEvent(String json) {
        CloudEvent event;
        try {
            event = mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("lifecycle event is not a CloudEvent", e);
        }
        if (!EventTypes.JOB_CANCELLED.equals(event.type())) {
            return;
        }
        String jobId = event.subject();
        if (event.data() != null) {
            JobEventData data = event.dataAs(mapper, JobEventData.class);
            if (data.jobId() != null) {
                jobId = data.jobId();
            }
        }
        if (jobId != null) {
            cancelled.cancel(jobId);
            LOG.infof("job %s cancelled: its remaining pages are skipped", jobId);
        }
    }
}
