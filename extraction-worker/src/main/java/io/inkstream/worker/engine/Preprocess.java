package io.inkstream.worker.engine;

/**
 * Stronger preprocessing for a low-confidence page, done in Java on the gray image: a 2x bilinear upscale when the
 * text is small, a 3x3 median against speckle, then Otsu binarisation.
 */
public final class Preprocess {

    /** Mean word height (image pixels) below which text counts as small and is upscaled. */
    static final double SMALL_TEXT_PX = 20;
    /** Pages whose longer side is under this are upscaled even when no word height is known. */
    static final int SMALL_PAGE_PX = 1000;

    private Preprocess() {
    }

    /**
     * The strengthened image; its scale is halved when upscaled so boxes still map to the original page.
     * meanWordHeightPx is in this image's pixels (0 when unknown); maxPixels caps the upscale.
     */
    public static GrayImage strengthen(GrayImage image, double meanWordHeightPx, long maxPixels) {
        boolean small = meanWordHeightPx > 0 ? meanWordHeightPx < SMALL_TEXT_PX
                : Math.max(image.width(), image.height()) < SMALL_PAGE_PX;
        GrayImage out = image;
        if (small && (long) image.width() * image.height() * 4 <= maxPixels) {
            // Upscaling first keeps thin strokes two pixels wide, so the median removes speckle, not letters.
            out = upscale2(out);
        }
        return otsu(median3(out));
    }

    /** 3x3 median; the one-pixel border keeps its values. */
    static GrayImage median3(GrayImage image) {
        int w = image.width();
        int h = image.height();
        byte[] in = image.pixels();
        byte[] out = in.clone();
        int[] win = new int[9];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * w + x;
                    win[k++] = in[row - 1] & 0xff;
                    win[k++] = in[row] & 0xff;
                    win[k++] = in[row + 1] & 0xff;
                }
                out[y * w + x] = (byte) median9(win);
            }
        }
        return new GrayImage(out, w, h, image.scale());
    }

    private static int median9(int[] v) {
        // Insertion sort: nine values, no allocation.
        for (int i = 1; i < 9; i++) {
            int x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
        return v[4];
    }

    /** Doubles both sides with bilinear interpolation; the scale halves. */
    static GrayImage upscale2(GrayImage image) {
        int w = image.width();
        int h = image.height();
        int ow = w * 2;
        int oh = h * 2;
        byte[] in = image.pixels();
        byte[] out = new byte[ow * oh];
        for (int y = 0; y < oh; y++) {
            double sy = Math.max(0, (y + 0.5) / 2 - 0.5);
            int y0 = Math.min(h - 1, (int) sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < ow; x++) {
                double sx = Math.max(0, (x + 0.5) / 2 - 0.5);
                int x0 = Math.min(w - 1, (int) sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = (in[y0 * w + x0] & 0xff) * (1 - fx) + (in[y0 * w + x1] & 0xff) * fx;
                double bottom = (in[y1 * w + x0] & 0xff) * (1 - fx) + (in[y1 * w + x1] & 0xff) * fx;
                out[y * ow + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GrayImage(out, ow, oh, image.scale() / 2);
    }

    /** Otsu's global threshold: pixels at or below it become black, the rest white. */
    static GrayImage otsu(GrayImage image) {
        byte[] in = image.pixels();
        int t = otsuThreshold(in);
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (in[i] & 0xff) <= t ? 0 : (byte) 255;
        }
        return new GrayImage(out, image.width(), image.height(), image.scale());
    }

    static int otsuThreshold(byte[] pixels) {
        long[] hist = new long[256];
        for (byte p : pixels) {
            hist[p & 0xff]++;
        }
        long total = pixels.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += (double) i * hist[i];
        }
        double sumBack = 0;
        long weightBack = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            weightBack += hist[t];
            if (weightBack == 0) {
                continue;
            }
            long weightFore = total - weightBack;
            if (weightFore == 0) {
                break;
            }
            sumBack += (double) t * hist[t];
            double meanBack = sumBack / weightBack;
            double meanFore = (sumAll - sumBack) / weightFore;
            double between = (double) weightBack * weightFore * (meanBack - meanFore) * (meanBack - meanFore);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
