package io.inkstream.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** API key format: {@code isk_live_} or {@code isk_test_} and 32 random base62 characters (190 bits). */
public final class ApiKeys {

    public static final String LIVE_PREFIX = "isk_live_";
    public static final String TEST_PREFIX = "isk_test_";
    static final int RANDOM_CHARS = 32;
    static final int DISPLAY_PREFIX = 13;
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate(boolean test) {
        StringBuilder sb = new StringBuilder(test ? TEST_PREFIX : LIVE_PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    public static boolean wellFormed(String key) {
        return key != null && key.length() <= 128 && (key.startsWith(LIVE_PREFIX) || key.startsWith(TEST_PREFIX));
    }

    public static boolean isTest(String key) {
        return key.startsWith(TEST_PREFIX);
    }

    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX, key.length()));
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
