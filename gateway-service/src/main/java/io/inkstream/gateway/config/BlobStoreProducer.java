package io.inkstream.gateway.config;

import java.io.IOException;
import java.nio.file.Path;

import io.inkstream.contracts.blob.BlobKeyRing;
import io.inkstream.contracts.blob.BlobStore;
import io.inkstream.contracts.blob.FilesystemBlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the claim-check blob store from configuration. */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    BlobStore blobStore(GatewayConfig config) throws IOException {
        BlobKeyRing keys = BlobKeyRing.parse(config.blob().keys(), config.blob().primaryKey().orElse(null));
        return new FilesystemBlobStore(Path.of(config.blob().root()), keys);
    }
}
