package io.inkstream.contracts.blob;

import java.io.IOException;
import java.io.InputStream;

/** Encrypted claim-check storage for document bytes: the gateway writes, workers read, the result-store deletes. */
public interface BlobStore {

    /** Streams {@code content} into a new encrypted blob under the tenant's prefix; never buffers it whole. */
    StoredBlob put(String tenantId, InputStream content) throws IOException;

    /** Opens a decrypting stream; tampered or truncated ciphertext fails while reading. */
    InputStream open(BlobRef ref) throws IOException;

    /** Deletes the blob; deleting a missing blob is not an error. */
    void delete(BlobRef ref) throws IOException;

    boolean exists(BlobRef ref) throws IOException;

    /** Cheap liveness probe for readiness checks. */
    void check() throws IOException;
}
