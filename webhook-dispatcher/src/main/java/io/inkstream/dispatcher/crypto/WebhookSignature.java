package io.inkstream.dispatcher.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks v1 signing: {@code v1,<base64 HMAC-SHA256(secret, "{id}.{timestamp}.{body}")>}. */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} + base64 of {@code bytes} random bytes (24 to 64). */
    public static String newSecret(int bytes) {
        if (bytes < 24 || bytes > 64) {
            throw new IllegalArgumentException("secret length must be 24..64 bytes");
        }
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(raw);
    }

    /** One {@code v1,<sig>} entry for one secret. */
    public static String sign(String secret, String msgId, long timestampSeconds, String body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** The {@code webhook-signature} header value: one space-separated entry per active secret. */
    public static String header(List<String> secrets, String msgId, long timestampSeconds, String body) {
        return secrets.stream().map(s -> sign(s, msgId, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
