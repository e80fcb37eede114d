package io.inkstream.worker.messaging;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.inkstream.contracts.blob.BlobKeyRing;
import io.inkstream.contracts.blob.FilesystemBlobStore;
import io.inkstream.worker.config.WorkerConfig;
import io.inkstream.worker.service.FlakyBlobStore;

/** In Quarkus tests the blob store can be told to glitch (it behaves normally unless a test asks). */
@ApplicationScoped
public class FlakyBlobStoreProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    FlakyBlobStore blobStore(WorkerConfig config) throws IOException {
        WorkerConfig.Blob blob = config.blob();
        return new FlakyBlobStore(new FilesystemBlobStore(Path.of(blob.root()),
                BlobKeyRing.parse(blob.keys(), blob.primaryKey().orElse(null))));
    }
}
