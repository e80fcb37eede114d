package io.inkstream.gateway.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import io.inkstream.contracts.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the gateway can tell about a document cheaply, from its first bytes: the real media type (the
 * client's Content-Type is not trusted) and, for images, whether the header is complete and sane.
 */
@ApplicationScoped
public class DocumentInspector {

    /** Header bytes read: enough for every signature and the PNG IHDR. */
    static final int HEADER_BYTES = 32;
    /** Pixel count above which an image is treated as a decompression bomb. */
    static final long MAX_PIXELS = 200_000_000L;

    /** The verdict: a media type, or the code and reason it was refused. */
    public record Verdict(String mediaType, ErrorCode error, String reason) {
        public boolean ok() {
            return error == null;
        }
    }

    public Verdict inspect(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return inspect(in.readNBytes(HEADER_BYTES), size);
        }
    }

    public Verdict inspect(byte[] head, long size) {
        if (size == 0) {
            return new Verdict(null, ErrorCode.DOCUMENT_UNREADABLE, "the document is empty");
        }
        Optional<String> type = mediaType(head);
        if (type.isEmpty()) {
            return new Verdict(null, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "not a PNG, JPEG, TIFF, WebP or PDF document");
        }
        if ("image/webp".equals(type.get())) {
            // Recognised so the answer is precise, but the engine cannot decode it yet.
            return new Verdict(type.get(), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "WebP is not supported by the engine");
        }
        if ("image/png".equals(type.get())) {
            if (head.length < 24) {
                return new Verdict(type.get(), ErrorCode.DOCUMENT_UNREADABLE, "the PNG header is truncated");
            }
            long width = u32(head, 16);
            long height = u32(head, 20);
            if (width == 0 || height == 0) {
                return new Verdict(type.get(), ErrorCode.DOCUMENT_UNREADABLE, "the PNG has no pixels");
            }
            if (width * height > MAX_PIXELS) {
                return new Verdict(type.get(), ErrorCode.DOCUMENT_UNREADABLE,
                        "image dimensions " + width + "x" + height + " exceed the pixel limit");
            }
        }
        if (head.length < 8 && !"application/pdf".equals(type.get())) {
            return new Verdict(type.get(), ErrorCode.DOCUMENT_UNREADABLE, "the image header is truncated");
        }
        return new Verdict(type.get(), null, null);
    }

    static Optional<String> mediaType(byte[] h) {
        if (startsWith(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(h, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(h, 'I', 'I', 0x2A, 0x00) || startsWith(h, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        if (startsWith(h, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(h, 'R', 'I', 'F', 'F') && h.length >= 12
                && Arrays.equals(Arrays.copyOfRange(h, 8, 12), new byte[] { 'W', 'E', 'B', 'P' })) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] h, int... sig) {
        if (h.length < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((h[i] & 0xff) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
                | (b[off + 3] & 0xff);
    }
}
