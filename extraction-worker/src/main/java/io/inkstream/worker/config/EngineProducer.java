package io.inkstream.worker.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.inkstream.worker.engine.DocumentExtractor;
import io.inkstream.worker.engine.EngineMetrics;
import io.inkstream.worker.engine.EngineSettings;
import io.inkstream.worker.engine.OcrPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/** Wires the plain-Java engine into CDI and initialises the OCR pool at startup (readiness waits for it). */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @Singleton
    EngineSettings settings(WorkerConfig config) {
        WorkerConfig.Worker w = config.worker();
        return new EngineSettings(Path.of(w.tessdata()),
                w.poolSize().orElse(Runtime.getRuntime().availableProcessors()), w.defaultLanguages(),
                (int) Math.min(Integer.MAX_VALUE, w.pageTimeout().toMillis()), w.renderDpi(), w.maxOcrPixels(),
                w.maxImagePixels(), w.maxPages(), w.textLayerMinChars(), w.lowConfidenceThreshold(),
                w.minOrientationConfidence());
    }

    @Produces
    @Singleton
    OcrPool pool(EngineSettings settings, EngineMetrics metrics) {
        OcrPool pool = new OcrPool(settings.tessdata(), settings.poolSize(), settings.defaultLanguages());
        metrics.bindPool(pool);
        return pool;
    }

    void closePool(@Disposes OcrPool pool) {
        pool.close();
    }

    @Produces
    @Singleton
    EngineMetrics metrics(MeterRegistry registry) {
        return new EngineMetrics(registry);
    }

    @Produces
    @Singleton
    DocumentExtractor extractor(OcrPool pool, EngineSettings settings, EngineMetrics metrics) {
        return new DocumentExtractor(pool, settings, metrics);
    }

    /** Initialises every handle before consumption matters; a broken tessdata folder fails startup loudly. */
    void start(@Observes StartupEvent event, OcrPool pool) {
        pool.start();
    }
}
