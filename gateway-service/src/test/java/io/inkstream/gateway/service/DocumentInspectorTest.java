package io.inkstream.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.inkstream.contracts.ErrorCode;

/** The media type comes from the bytes, and image headers are checked before anything decodes them. */
class DocumentInspectorTest {

    private final DocumentInspector inspector = new DocumentInspector();

    @Test
    void givenPngHeader_whenInspected_thenPng() {
        assertThat(inspector.inspect(png(800, 600), 1000).mediaType()).isEqualTo("image/png");
    }

    @Test
    void givenPdfMagic_whenInspected_thenPdf() {
        assertThat(inspector.inspect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 9).mediaType())
                .isEqualTo("application/pdf");
    }

    @Test
    void givenJpegAndTiffMagic_whenInspected_thenTheirTypes() {
        assertThat(inspector.inspect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0, 0 }, 9)
                .mediaType()).isEqualTo("image/jpeg");
        assertThat(inspector.inspect(new byte[] { 'I', 'I', 0x2A, 0, 8, 0, 0, 0 }, 8).mediaType())
                .isEqualTo("image/tiff");
    }

    @Test
    void givenTextClaimingToBeAnImage_whenInspected_thenUnsupportedMediaType() {
        assertThat(inspector.inspect("hello world".getBytes(StandardCharsets.US_ASCII), 11).error())
                .isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void givenEmptyFile_whenInspected_thenUnreadable() {
        assertThat(inspector.inspect(new byte[0], 0).error()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE);
    }

    @Test
    void givenPngSignatureWithoutHeader_whenInspected_thenTruncatedHeaderIsUnreadable() {
        byte[] sig = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };
        DocumentInspector.Verdict v = inspector.inspect(sig, sig.length);
        assertThat(v.error()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE);
        assertThat(v.reason()).contains("truncated");
    }

    @Test
    void givenDecompressionBombDimensions_whenInspected_thenRefusedBeforeDecoding() {
        DocumentInspector.Verdict v = inspector.inspect(png(60000, 60000), 100);
        assertThat(v.error()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE);
        assertThat(v.reason()).contains("60000x60000");
    }

    @Test
    void givenWebp_whenInspected_thenRecognisedButUnsupported() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        DocumentInspector.Verdict v = inspector.inspect(webp, webp.length);
        assertThat(v.mediaType()).isEqualTo("image/webp");
        assertThat(v.error()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        b.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        return b.array();
    }
}
