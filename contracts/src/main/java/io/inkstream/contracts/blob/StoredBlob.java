package io.inkstream.contracts.blob;

/** What {@link BlobStore#put} wrote: the reference plus plaintext size and SHA-256 (hex), computed while streaming. */
public record StoredBlob(BlobRef ref, long size, String sha256) {
}
