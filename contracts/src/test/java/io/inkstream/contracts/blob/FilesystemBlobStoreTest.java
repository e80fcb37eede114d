package io.inkstream.contracts.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem claim-check store: encrypted at rest, tamper-evident, rotatable. */
class FilesystemBlobStoreTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString(filled(32, (byte) 7));

    @TempDir
    Path root;

    @Test
    void givenDocument_whenStoredAndOpened_thenSameBytesAndHashComeBack() throws Exception {
        BlobStore store = new FilesystemBlobStore(root, BlobKeyRing.parse(K1, null));
        byte[] doc = randomBytes(300_000);

        StoredBlob blob = store.put("tenant-a", new ByteArrayInputStream(doc));

        try (InputStream in = store.open(blob.ref())) {
            assertThat(in.readAllBytes()).isEqualTo(doc);
        }
        assertThat(blob.size()).isEqualTo(doc.length);
        assertThat(blob.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc)));
        assertThat(BlobRef.parse(blob.ref().toString())).isEqualTo(blob.ref());
    }

    @Test
    void givenStoredBlob_whenReadFromDisk_thenNoPlaintextIsThere() throws Exception {
        BlobStore store = new FilesystemBlobStore(root, BlobKeyRing.parse(K1, null));
        byte[] doc = "CONFIDENTIAL-INVOICE-TEXT ".repeat(100).getBytes();

        StoredBlob blob = store.put("tenant-a", new ByteArrayInputStream(doc));

        byte[] onDisk = Files.readAllBytes(root.resolve(blob.ref().key()));
        assertThat(new String(onDisk, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("CONFIDENTIAL");
    }

    @Test
    void givenTamperedCiphertext_whenOpened_thenReadingFails() throws Exception {
        BlobStore store = new FilesystemBlobStore(root, BlobKeyRing.parse(K1, null));
        StoredBlob blob = store.put("t", new ByteArrayInputStream(randomBytes(10_000)));
        Path file = root.resolve(blob.ref().key());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> {
            try (InputStream in = store.open(blob.ref())) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void givenRotatedKeys_whenOldBlobOpened_thenItStillDecryptsAndNewBlobsUseTheNewKey() throws Exception {
        StoredBlob old = new FilesystemBlobStore(root, BlobKeyRing.parse(K1, null))
                .put("t", new ByteArrayInputStream("old".getBytes()));
        BlobStore rotated = new FilesystemBlobStore(root, BlobKeyRing.parse(K1 + "," + K2, "k2"));

        StoredBlob fresh = rotated.put("t", new ByteArrayInputStream("new".getBytes()));

        try (InputStream in = rotated.open(old.ref())) {
            assertThat(in.readAllBytes()).isEqualTo("old".getBytes());
        }
        assertThat(fresh.ref().keyId()).isEqualTo("k2");
    }

    @Test
    void givenDeletedBlob_whenOpened_thenNotFound() throws Exception {
        BlobStore store = new FilesystemBlobStore(root, BlobKeyRing.parse(K1, null));
        StoredBlob blob = store.put("t", new ByteArrayInputStream("x".getBytes()));

        store.delete(blob.ref());

        assertThat(store.exists(blob.ref())).isFalse();
        assertThatThrownBy(() -> store.open(blob.ref())).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void givenReferenceEscapingTheStore_whenParsed_thenRefused() {
        assertThatThrownBy(() -> BlobRef.parse("blob:v1:fs:k1:../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobRef.parse("blob:v1:fs:k1:/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, v);
        return b;
    }
}
