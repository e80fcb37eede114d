package io.inkstream.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Derived identifiers. A job id derived from tenant and Idempotency-Key makes a retried submit
 * land on the same job even when Redis forgot the key; document ids derive from job id and index.
 */
public final class Ids {

    public static final String JOB_PREFIX = "job_";
    public static final String DOCUMENT_PREFIX = "doc_";
    /** Namespace for every name-based id Inkstream derives. */
    public static final UUID NAMESPACE = UUID.fromString("6f1c9e7a-3b7d-4c53-9a52-6c1f0b0e2a41");

    private Ids() {
    }

    public static String newJobId() {
        return JOB_PREFIX + UUID.randomUUID();
    }

    public static String jobId(String tenantId, String idempotencyKey) {
        return JOB_PREFIX + uuidV5(NAMESPACE, "job:" + tenantId + ":" + idempotencyKey);
    }

    public static String documentId(String jobId, int index) {
        return DOCUMENT_PREFIX + uuidV5(NAMESPACE, "doc:" + jobId + ":" + index);
    }

    /** RFC 9562 name-based UUID (SHA-1, version 5). */
    public static UUID uuidV5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
            }
            for (int i = 8; i < 16; i++) {
                lsb = (lsb << 8) | (hash[i] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (8 * (7 - i)));
            out[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return out;
    }
}
