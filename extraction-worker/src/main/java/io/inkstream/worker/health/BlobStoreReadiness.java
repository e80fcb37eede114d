package io.inkstream.worker.health;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.inkstream.contracts.blob.BlobStore;

/** Ready only while the blob store answers its cheap probe. */
@Readiness
@ApplicationScoped
public class BlobStoreReadiness implements HealthCheck {

    @Inject
    BlobStore blobs;

    @Override
    public HealthCheckResponse call() {
        try {
            blobs.check();
            return HealthCheckResponse.up("blob-store");
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("blob-store").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
