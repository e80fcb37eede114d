package io.inkstream.gateway.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.gateway.messaging.LifecycleEventListener;
import jakarta.enterprise.context.ApplicationScoped;

/** Ready when uploads can be stored and sync waits can hear completions. */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    private final BlobStore blobs;
    private final LifecycleEventListener events;

    GatewayReadiness(BlobStore blobs, LifecycleEventListener events) {
        this.blobs = blobs;
        this.events = events;
    }

    @Override
    public HealthCheckResponse call() {
        boolean blobOk;
        try {
            blobs.check();
            blobOk = true;
        } catch (Exception e) {
            blobOk = false;
        }
        return HealthCheckResponse.named("gateway")
                .status(blobOk && events.ready())
                .withData("blob-store", blobOk ? "UP" : "DOWN")
                .withData("lifecycle-events", events.ready() ? "UP" : "DOWN")
                .build();
    }
}
