package io.inkstream.contracts.blob;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Claim-check reference to an encrypted blob: {@code blob:v1:<store>:<keyId>:<key>}. The key id travels
 * with the reference so any service can pick the decryption key without trying them all.
 */
public record BlobRef(String store, String keyId, String key) {

    private static final String PREFIX = "blob:v1:";
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-.]+)*");
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9_\\-]+");

    public BlobRef {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        if (!SAFE_TOKEN.matcher(store).matches() || !SAFE_TOKEN.matcher(keyId).matches()) {
            throw new IllegalArgumentException("store and key id must be simple tokens");
        }
        // Keys become file paths and object names: no "..", no absolute paths, no odd characters.
        if (!SAFE_KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("blob key is not a safe relative path");
        }
    }

    public static BlobRef parse(String ref) {
        if (ref == null || !ref.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a blob reference");
        }
        String[] parts = ref.substring(PREFIX.length()).split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a blob reference");
        }
        return new BlobRef(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return PREFIX + store + ":" + keyId + ":" + key;
    }
}
