package io.inkstream.worker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.KafkaHeaders;
import io.inkstream.contracts.message.PageTask;
import io.inkstream.worker.service.DocumentProcessor;
import io.inkstream.worker.service.MessageRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes fanned-out PageTasks from both lanes on the same bounded lane pools as documents; unexpected failures
 * are retried by {@link MessageRetry} before the record is nacked (dead-lettered).
 */
@ApplicationScoped
public class PageConsumer {

    /** Incoming channel bound to inkstream.pages.interactive. */
    public static final String INTERACTIVE = "pages-interactive";
    /** Incoming channel bound to inkstream.pages. */
    public static final String BATCH = "pages-batch";

    @Inject
    ObjectMapper mapper;

    @Inject
    DocumentProcessor processor;

    @Inject
    ResultPublisher results;

    @Inject
    MessageRetry retry;

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
        PageTask task = parse(record.value());
        String requestId = DocumentConsumer.header(record, KafkaHeaders.REQUEST_ID);
        retry.run("page " + task.page() + " of document " + task.documentId(),
                () -> processor.processPage(task, interactive, results.sinkFor(requestId)));
    }

    private PageTask parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("empty PageTask record");
        }
        try {
            PageTask task = mapper.readValue(json, PageTask.class);
            if (task.jobId() == null || task.documentId() == null || task.page() < 1) {
                throw new IllegalArgumentException("PageTask without job_id, document_id or page");
            }
            return task;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("PageTask is not valid JSON", e);
        }
    }
}
