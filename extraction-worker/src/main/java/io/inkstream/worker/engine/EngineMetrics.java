package io.inkstream.worker.engine;

import java.util.concurrent.TimeUnit;

import io.inkstream.contracts.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Engine meters: ocr_pages_total{path,outcome,code}, ocr_request_duration_seconds (histogram of Tesseract time per
 * page), ocr_retries_total{outcome} and the pool gauges ocr_pool_size / ocr_pool_available.
 */
public final class EngineMetrics {

    private final MeterRegistry registry;
    private final Timer ocrTimer;

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ocrTimer = Timer.builder("ocr.request.duration")
                .description("Tesseract recognition time per page")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void bindPool(OcrPool pool) {
        Gauge.builder("ocr.pool.size", pool, OcrPool::size).description("OCR handles").register(registry);
        Gauge.builder("ocr.pool.available", pool, OcrPool::available).description("idle OCR handles")
                .register(registry);
    }

    public void ocrTime(long millis) {
        ocrTimer.record(millis, TimeUnit.MILLISECONDS);
    }

    public void pageExtracted(String path) {
        Counter.builder("ocr.pages").description("pages by path and outcome")
                .tags("path", path, "outcome", "extracted", "code", "none").register(registry).increment();
    }

    public void pageFailed(ErrorCode code) {
        String path = code == ErrorCode.PAGE_TIMEOUT ? "ocr" : "none";
        Counter.builder("ocr.pages").description("pages by path and outcome")
                .tags("path", path, "outcome", "failed", "code", code.name()).register(registry).increment();
    }

    /** One low-confidence retry: improved when the strengthened reading won, kept when the first one stayed. */
    public void ocrRetry(boolean improved) {
        Counter.builder("ocr.retries").description("low-confidence pages read a second time")
                .tags("outcome", improved ? "improved" : "kept").register(registry).increment();
    }

    public void documentFailed(ErrorCode code) {
        Counter.builder("ocr.errors").description("documents that failed as a whole")
                .tags("code", code.name()).register(registry).increment();
    }
}
