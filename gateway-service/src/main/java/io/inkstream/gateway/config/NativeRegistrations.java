package io.inkstream.gateway.config;

import io.inkstream.contracts.message.CloudEvent;
import io.inkstream.contracts.message.DocumentRef;
import io.inkstream.contracts.message.DocumentSubmitted;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.JobAccepted;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Keeps the contracts types the gateway serialises (Kafka values) reflectable in a native image. */
@RegisterForReflection(targets = { JobAccepted.class, DocumentSubmitted.class, DocumentRef.class,
        ExtractionOptions.class, CloudEvent.class })
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
