package io.inkstream.contracts.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Blob store on a folder shared by the services (a ReadWriteMany volume in Kubernetes). Writes go to a
 * temporary file and are renamed into place, so a reader never sees a half-written blob.
 */
public final class FilesystemBlobStore implements BlobStore {

    public static final String STORE = "fs";

    private final Path root;
    private final BlobKeyRing keys;

    public FilesystemBlobStore(Path root, BlobKeyRing keys) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.keys = keys;
        Files.createDirectories(this.root);
    }

    @Override
    public StoredBlob put(String tenantId, InputStream content) throws IOException {
        String id = UUID.randomUUID().toString();
        String key = safeSegment(tenantId) + "/" + id.substring(0, 2) + "/" + id;
        BlobRef ref = new BlobRef(STORE, keys.primaryKeyId(), key);
        Path target = resolve(ref);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(id + ".part");
        MessageDigest sha = sha256();
        long size = 0;
        try {
            try (OutputStream file = Files.newOutputStream(tmp);
                    OutputStream enc = keys.primary().newEncryptingStream(file, associatedData(ref))) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = content.read(buf)) != -1) {
                    enc.write(buf, 0, n);
                    sha.update(buf, 0, n);
                    size += n;
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (GeneralSecurityException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("blob encryption failed", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new StoredBlob(ref, size, HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public InputStream open(BlobRef ref) throws IOException {
        Path path = resolve(ref);
        try {
            return keys.forKey(ref.keyId()).newDecryptingStream(Files.newInputStream(path), associatedData(ref));
        } catch (GeneralSecurityException e) {
            throw new IOException("blob decryption failed", e);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(ref);
        }
    }

    @Override
    public void delete(BlobRef ref) throws IOException {
        Files.deleteIfExists(resolve(ref));
    }

    @Override
    public boolean exists(BlobRef ref) {
        return Files.exists(resolve(ref));
    }

    @Override
    public void check() throws IOException {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new IOException("blob folder is not a writable directory");
        }
    }

    private Path resolve(BlobRef ref) {
        if (!STORE.equals(ref.store())) {
            throw new IllegalArgumentException("blob " + ref + " does not belong to the filesystem store");
        }
        Path p = root.resolve(ref.key()).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("blob key escapes the store");
        }
        return p;
    }

    static byte[] associatedData(BlobRef ref) {
        // Binds the ciphertext to its location: a blob copied under another key will not decrypt.
        return (ref.store() + ":" + ref.key()).getBytes(StandardCharsets.UTF_8);
    }

    static String safeSegment(String tenantId) {
        String s = tenantId == null ? "" : tenantId.replaceAll("[^A-Za-z0-9_\\-]", "_");
        return s.isEmpty() ? "_" : s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
