package io.inkstream.resultstore.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.inkstream.contracts.blob.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Readiness: the blob store (needed to delete a job's blobs) is reachable and writable. */
@Readiness
@ApplicationScoped
public class BlobStoreHealthCheck implements HealthCheck {

    @Inject
    BlobStore blobs;

    @Override
    public HealthCheckResponse call() {
        try {
            blobs.check();
            return HealthCheckResponse.up("blob-store");
        } catch (Exception e) {
            return HealthCheckResponse.named("blob-store").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
