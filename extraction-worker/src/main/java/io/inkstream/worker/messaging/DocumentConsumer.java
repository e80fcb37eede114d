package io.inkstream.worker.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.worker.service.DocumentProcessor;
import io.inkstream.worker.service.MessageRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes DocumentSubmitted from both lanes on bounded worker pools (never the event loop). The interactive lane
 * wins OCR handles over the batch lane in the pool; a record is committed only after all its results are acked.
 * Malformed records are nacked at once; unexpected processing failures (blob store glitch, publish failure) are
 * retried by {@link MessageRetry} first. Nacked records are dead-lettered to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class DocumentConsumer {

    /** Incoming channel bound to inkstream.documents.interactive. */
    public static final String INTERACTIVE = "documents-interactive";
    /** Incoming channel bound to inkstream.documents. */
    public static final String BATCH = "documents-batch";

    private static final Logger LOG = Logger.getLogger(DocumentConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    DocumentProcessor processor;

    @Inject
    ResultPublisher publisher;

    @Inject
    MessageRetry retry;

    @Inject
    PageTaskPublisher pageTasks;

    @Incoming(INTERACTIVE)
    @Blocking(value = "interactive-lane", ordered = false)
    public void interactive(ConsumerRecord<String, String> record) {
        handle(record, true);
    }

    @Incoming(BATCH)
    @Blocking(value = "batch-lane", ordered = false)
    public void batch(ConsumerRecord<String, String> record) {
        handle(record, false);
    }

    void handle(ConsumerRecord<String, String> record, boolean interactive) {
        DocumentSubmitted doc = parse(record);
        String requestId = header(record, KafkaHeaders.REQUEST_ID);
        LOG.debugf("document %s of job %s from %s-%d@%d", doc.documentId(), doc.jobId(), record.topic(),
                record.partition(), record.offset());
        // Malformed records were rejected above without retrying: parsing them again cannot succeed.
        retry.run("document " + doc.documentId() + " of job " + doc.jobId(),
                () -> processor.process(doc, interactive, publisher.sinkFor(requestId),
                        pageTasks.sinkFor(requestId)));
    }

    private DocumentSubmitted parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty DocumentSubmitted record");
        }
        try {
            DocumentSubmitted doc = mapper.readValue(record.value(), DocumentSubmitted.class);
            if (doc.jobId() == null || doc.documentId() == null) {
                throw new IllegalArgumentException("DocumentSubmitted without job_id or document_id");
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("DocumentSubmitted is not valid JSON", e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
