package io.inkstream.worker.config;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.inkstream.contracts.blob.BlobKeyRing;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.FilesystemBlobStore;

/** Builds the worker's blob store from inkstream.blob.* (the same folder and keys the gateway writes with). */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @Singleton
    BlobStore blobStore(WorkerConfig config) throws IOException {
        WorkerConfig.Blob blob = config.blob();
        return new FilesystemBlobStore(Path.of(blob.root()),
                BlobKeyRing.parse(blob.keys(), blob.primaryKey().orElse(null)));
    }
}
