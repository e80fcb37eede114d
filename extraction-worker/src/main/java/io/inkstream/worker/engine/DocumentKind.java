package io.inkstream.worker.engine;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a document is, by its magic bytes (never by the client's claimed media type). */
public enum DocumentKind {
    PDF,
    IMAGE;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    public static Optional<DocumentKind> sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')
                || startsWith(b, 0xFF, 0xD8, 0xFF)
                || startsWith(b, 'I', 'I', 0x2A, 0x00)
                || startsWith(b, 'M', 'M', 0x00, 0x2A)
                || startsWith(b, 'G', 'I', 'F', '8')
                || startsWith(b, 'B', 'M')) {
            return Optional.of(IMAGE);
        }
        // The PDF header may follow some junk; readers accept it within the first KiB.
        int limit = Math.min(b.length - PDF_MAGIC.length, 1024);
        for (int i = 0; i <= limit; i++) {
            if (regionMatches(b, i, PDF_MAGIC)) {
                return Optional.of(PDF);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatches(byte[] b, int at, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (b[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
