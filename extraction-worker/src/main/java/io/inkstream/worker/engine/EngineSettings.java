package io.inkstream.worker.engine;

import java.nio.file.Path;

/** Engine tuning, built from the worker's configuration (plain values so the engine is testable without CDI). */
public record EngineSettings(Path tessdata, int poolSize, String defaultLanguages, int pageTimeoutMs, int renderDpi,
        long maxOcrPixels, long maxImagePixels, int maxPages, int textLayerMinChars, double lowConfidenceThreshold,
        float minOrientationConfidence) {

    /** Defaults used by tests and tools: the given tessdata folder and one handle per CPU. */
    public static EngineSettings defaults(Path tessdata) {
        return new EngineSettings(tessdata, Runtime.getRuntime().availableProcessors(), "eng", 60_000, 300,
                40_000_000L, 250_000_000L, 2000, 10, 0.6, 2.0f);
    }

    public EngineSettings withPageTimeoutMs(int ms) {
        return new EngineSettings(tessdata, poolSize, defaultLanguages, ms, renderDpi, maxOcrPixels, maxImagePixels,
                maxPages, textLayerMinChars, lowConfidenceThreshold, minOrientationConfidence);
    }
}
