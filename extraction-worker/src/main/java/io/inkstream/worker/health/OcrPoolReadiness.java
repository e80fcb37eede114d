package io.inkstream.worker.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.inkstream.worker.engine.OcrPool;

/** Ready only once every OCR handle is initialised. */
@Readiness
@ApplicationScoped
public class OcrPoolReadiness implements HealthCheck {

    @Inject
    OcrPool pool;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ocr-pool")
                .status(pool.isReady())
                .withData("size", pool.size())
                .withData("available", pool.available())
                .build();
    }
}
