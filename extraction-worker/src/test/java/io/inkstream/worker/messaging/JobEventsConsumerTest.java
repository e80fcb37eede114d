package io.inkstream.worker.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.Ids;
import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.EventTypes;
import io.inkstream.contracts.message.JobEventData;
import io.inkstream.worker.service.CancelledJobs;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

@QuarkusTest
class JobEventsConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper mapper;

    @Inject
    CancelledJobs cancelled;

    @Test
    void givenJobCancelledEvent_whenConsumed_thenJobIsRememberedAsCancelled() throws Exception {
        String jobId = Ids.newJobId();
        JobEventData data = new JobEventData(JobEventData.SCHEMA_VERSION, jobId, "tenant-t", false, "cancelled",
                "ocr", null, null, null, null);
        CloudEvent event = CloudEvent.of(mapper, Ids.uuidV5(Ids.NAMESPACE, jobId + ":cancelled").toString(),
                "/inkstream/result-store", EventTypes.JOB_CANCELLED, jobId, Instant.now(), data);

        connector.source(JobEventsConsumer.CHANNEL).send(mapper.writeValueAsString(event));

        await().atMost(Duration.ofSeconds(10)).until(() -> cancelled.isCancelled(jobId));
    }
}
