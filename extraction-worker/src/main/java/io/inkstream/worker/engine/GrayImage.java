package io.inkstream.worker.engine;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An 8-bit gray page image (one byte per pixel, rows packed) ready for Tesseract; scale maps its pixels back to
 * the original page's units (original = pixel * scale).
 */
public record GrayImage(byte[] pixels, int width, int height, double scale) {

    /** Converts any decoded image to gray in Java (luma of sRGB, alpha composited on white). */
    public static GrayImage of(BufferedImage image, double scale) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buf
                && buf.getNumBanks() == 1 && buf.getData().length == w * h
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0) {
            return new GrayImage(buf.getData(), w, h, scale);
        }
        byte[] out = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int luma = (r * 299 + g * 587 + b * 114) / 1000;
                // Transparent pixels become paper white, as a viewer would show them.
                int v = (luma * a + 255 * (255 - a)) / 255;
                out[base + x] = (byte) v;
            }
        }
        return new GrayImage(out, w, h, scale);
    }

    /** This image turned clockwise by 90, 180 or 270 degrees (exact pixel moves, no resampling). */
    public GrayImage rotateClockwise(int degrees) {
        int w = width;
        int h = height;
        byte[] out = new byte[pixels.length];
        switch (degrees) {
            case 90 -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[x * h + (h - 1 - y)] = pixels[y * w + x];
                    }
                }
                return new GrayImage(out, h, w, scale);
            }
            case 180 -> {
                for (int i = 0; i < pixels.length; i++) {
                    out[pixels.length - 1 - i] = pixels[i];
                }
                return new GrayImage(out, w, h, scale);
            }
            case 270 -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[(w - 1 - x) * h + y] = pixels[y * w + x];
                    }
                }
                return new GrayImage(out, h, w, scale);
            }
            default -> {
                return this;
            }
        }
    }
}
