package io.inkstream.contracts.blob;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.util.SecretBytes;

/**
 * The blob encryption keys, by id. New blobs use the primary key; every listed key stays readable, which is
 * how rotation works without downtime: add a key, make it primary, drop the old one once its blobs are gone.
 * Configured as {@code id1:base64(32 bytes),id2:base64(32 bytes)}.
 */
public final class BlobKeyRing {

    private final String primaryKeyId;
    private final Map<String, StreamingAead> aeads;

    private BlobKeyRing(String primaryKeyId, Map<String, StreamingAead> aeads) {
        this.primaryKeyId = primaryKeyId;
        this.aeads = aeads;
    }

    public static BlobKeyRing parse(String keys, String primaryKeyId) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("no blob encryption keys configured");
        }
        try {
            StreamingAeadConfig.register();
            AesGcmHkdfStreamingParameters params = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(64 * 1024)
                    .build();
            Map<String, StreamingAead> aeads = new LinkedHashMap<>();
            for (String entry : keys.split(",")) {
                String[] parts = entry.trim().split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("blob key entries look like id:base64");
                }
                byte[] material = Base64.getDecoder().decode(parts[1].trim());
                if (material.length != 32) {
                    throw new IllegalArgumentException("blob key " + parts[0] + " must be 32 bytes");
                }
                AesGcmHkdfStreamingKey key = AesGcmHkdfStreamingKey.create(params,
                        SecretBytes.copyFrom(material, InsecureSecretKeyAccess.get()));
                KeysetHandle handle = KeysetHandle.newBuilder()
                        .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                        .build();
                aeads.put(parts[0].trim(), handle.getPrimitive(
                        com.google.crypto.tink.RegistryConfiguration.get(), StreamingAead.class));
            }
            String primary = primaryKeyId == null || primaryKeyId.isBlank()
                    ? aeads.keySet().iterator().next() : primaryKeyId;
            if (!aeads.containsKey(primary)) {
                throw new IllegalArgumentException("primary blob key " + primary + " is not among the keys");
            }
            return new BlobKeyRing(primary, Map.copyOf(aeads));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build blob keys", e);
        }
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    public StreamingAead primary() {
        return aeads.get(primaryKeyId);
    }

    public StreamingAead forKey(String keyId) {
        StreamingAead aead = aeads.get(keyId);
        if (aead == null) {
            throw new IllegalArgumentException("unknown blob key id " + keyId);
        }
        return aead;
    }
}
