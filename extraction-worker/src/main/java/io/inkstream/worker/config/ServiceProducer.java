package io.inkstream.worker.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.worker.engine.DocumentExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.inkstream.worker.service.CancelledJobs;
import io.inkstream.worker.service.DocumentProcessor;
import io.inkstream.worker.service.MessageRetry;
import io.inkstream.worker.service.ResultEvents;

/** Wires the plain-Java services (kept free of CDI so tests build them directly). */
@ApplicationScoped
public class ServiceProducer {

    @Produces
    @Singleton
    ResultEvents resultEvents(ObjectMapper mapper) {
        return new ResultEvents(mapper, Clock.systemUTC());
    }

    @Produces
    @Singleton
    CancelledJobs cancelledJobs() {
        return new CancelledJobs(100_000, Duration.ofDays(3), Clock.systemUTC());
    }

    @Produces
    @Singleton
    DocumentProcessor documentProcessor(BlobStore blobs, DocumentExtractor extractor, ResultEvents events,
            WorkerConfig config, CancelledJobs cancelled) {
        return new DocumentProcessor(blobs, extractor, events, config.worker().maxDocumentBytes(), cancelled,
                config.worker().fanOutPages());
    }

    @Produces
    @Singleton
    MessageRetry messageRetry(WorkerConfig config, MeterRegistry registry) {
        return new MessageRetry(config.worker().maxAttempts(), config.worker().retryBackoff(), registry);
    }
}
