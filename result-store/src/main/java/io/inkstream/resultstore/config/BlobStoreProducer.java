package io.inkstream.resultstore.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.inkstream.contracts.blob.BlobKeyRing;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.FilesystemBlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the claim-check blob store (used to delete a job's blobs) from this service's config. */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(InkstreamConfig config) {
        String keys = config.blob().keys()
                .orElseThrow(() -> new IllegalStateException("inkstream.blob.keys (INKSTREAM_BLOB_KEYS) is required"));
        try {
            return new FilesystemBlobStore(Path.of(config.blob().root()),
                    BlobKeyRing.parse(keys, config.blob().primaryKey().orElse(null)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open blob folder", e);
        }
    }
}
