package io.inkstream.worker.engine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.inkstream.contracts.ErrorCode;

/**
 * Decodes PNG, JPEG, TIFF (multi-page), GIF and BMP with ImageIO. Sizes are checked from the header before any
 * pixel is decoded: absurd images fail fast, large ones are subsampled down to the OCR pixel budget.
 */
public final class ImageDecoder {

    static {
        // No temp-file cache: documents are already in memory and temp files would outlive a crash.
        ImageIO.setUseCache(false);
    }

    private final long maxOcrPixels;
    private final long maxImagePixels;

    public ImageDecoder(long maxOcrPixels, long maxImagePixels) {
        this.maxOcrPixels = maxOcrPixels;
        this.maxImagePixels = maxImagePixels;
    }

    /** A decoded page and its original size (boxes are reported in the original's pixels). */
    public record DecodedPage(GrayImage image, int width, int height, long decodeMs) {
    }

    public Pages open(byte[] bytes) {
        ImageInputStream in = null;
        try {
            in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "no image decoder accepts this file");
            }
            ImageReader reader = readers.next();
            reader.setInput(in, false, true);
            int count = reader.getNumImages(true);
            if (count < 1) {
                throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the image has no frames");
            }
            Pages pages = new Pages(reader, in, count);
            in = null;
            return pages;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExtractionException ee) {
                throw ee;
            }
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the image cannot be read", e);
        } finally {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(ImageInputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** The frames of one image file, decoded one at a time. */
    public final class Pages implements AutoCloseable {
        private final ImageReader reader;
        private final ImageInputStream in;
        private final int count;

        private Pages(ImageReader reader, ImageInputStream in, int count) {
            this.reader = reader;
            this.in = in;
            this.count = count;
        }

        public int count() {
            return count;
        }

        /** Decodes frame index (0-based) to gray; DOCUMENT_TOO_LARGE or DOCUMENT_UNREADABLE when it cannot. */
        public DecodedPage decode(int index) {
            long start = System.nanoTime();
            try {
                int w = reader.getWidth(index);
                int h = reader.getHeight(index);
                long pixels = (long) w * h;
                if (w <= 0 || h <= 0) {
                    throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the image has no pixels");
                }
                if (pixels > maxImagePixels) {
                    throw new ExtractionException(ErrorCode.DOCUMENT_TOO_LARGE,
                            "image is " + w + "x" + h + " pixels, above the " + maxImagePixels + " pixel limit");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int sub = 1;
                if (pixels > maxOcrPixels) {
                    sub = (int) Math.ceil(Math.sqrt((double) pixels / maxOcrPixels));
                    param.setSourceSubsampling(sub, sub, 0, 0);
                }
                BufferedImage image = reader.read(index, param);
                double scale = (double) w / image.getWidth();
                GrayImage gray = GrayImage.of(image, scale);
                return new DecodedPage(gray, w, h, (System.nanoTime() - start) / 1_000_000);
            } catch (IOException | RuntimeException e) {
                if (e instanceof ExtractionException ee) {
                    throw ee;
                }
                throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the image cannot be decoded", e);
            }
        }

        @Override
        public void close() {
            reader.dispose();
            closeQuietly(in);
        }
    }
}
