package io.inkstream.worker.engine;

/**
 * Small-angle deskew (within ±5°) in Java: the skew is the angle whose horizontal projection profile of dark pixels
 * is sharpest; the page is then turned back onto an enlarged white canvas, and word boxes are mapped back to the
 * skewed page by the inverse turn.
 */
public final class Deskew {

    static final double MAX_DEGREES = 5.0;
    /** Below this the page is read as it is: the turn would cost more than it helps. */
    static final double MIN_DEGREES = 0.3;
    private static final double COARSE_STEP = 0.25;
    private static final double FINE_STEP = 0.05;
    /** Longer side, in sampled pixels, of the grid the search looks at (keeps it cheap on 300 DPI pages). */
    private static final int SEARCH_SIDE = 1200;
    private static final int MIN_DARK_SAMPLES = 200;

    private Deskew() {
    }

    /** A deskewed image and the skew it removed (degrees; positive when lines descend to the right). */
    public record Result(GrayImage image, double degrees, int sourceWidth, int sourceHeight) {

        public boolean turned() {
            return degrees != 0;
        }

        /** Maps a box of the deskewed image to the bounding box, in the source image, of its turned corners. */
        double[] toSource(double x, double y, double w, double h) {
            if (!turned()) {
                return new double[] {x, y, w, h};
            }
            double rad = Math.toRadians(degrees);
            double cos = Math.cos(rad);
            double sin = Math.sin(rad);
            double cx = sourceWidth / 2.0;
            double cy = sourceHeight / 2.0;
            double ocx = image.width() / 2.0;
            double ocy = image.height() / 2.0;
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            double[][] corners = {{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}};
            for (double[] c : corners) {
                double dx = c[0] - ocx;
                double dy = c[1] - ocy;
                double sx = cx + dx * cos - dy * sin;
                double sy = cy + dx * sin + dy * cos;
                minX = Math.min(minX, sx);
                minY = Math.min(minY, sy);
                maxX = Math.max(maxX, sx);
                maxY = Math.max(maxY, sy);
            }
            minX = Math.max(0, minX);
            minY = Math.max(0, minY);
            maxX = Math.min(sourceWidth, maxX);
            maxY = Math.min(sourceHeight, maxY);
            return new double[] {minX, minY, Math.max(0, maxX - minX), Math.max(0, maxY - minY)};
        }
    }

    /** Measures the skew and, when it is worth it, returns the page turned straight. */
    public static Result apply(GrayImage image) {
        double degrees = measure(image);
        if (Math.abs(degrees) < MIN_DEGREES) {
            return new Result(image, 0, image.width(), image.height());
        }
        return new Result(rotate(image, degrees), degrees, image.width(), image.height());
    }

    /** Skew in degrees within ±5 (0 when the page has too little ink to tell). */
    public static double measure(GrayImage image) {
        int w = image.width();
        int h = image.height();
        byte[] px = image.pixels();
        int step = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) SEARCH_SIDE));
        int threshold = Preprocess.otsuThreshold(px);
        int cap = ((w + step - 1) / step) * ((h + step - 1) / step);
        int[] xs = new int[cap];
        int[] ys = new int[cap];
        int n = 0;
        for (int y = 0; y < h; y += step) {
            int row = y * w;
            for (int x = 0; x < w; x += step) {
                if ((px[row + x] & 0xff) <= threshold) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        // Mostly dark means a photo or an inverted page, not lines of text.
        if (n < MIN_DARK_SAMPLES || n > cap / 2) {
            return 0;
        }
        double diagonal = Math.hypot(w, h);
        int bins = (int) Math.ceil(2 * diagonal / step) + 2;
        long[] profile = new long[bins];
        double best = 0;
        double bestScore = -1;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += COARSE_STEP) {
            double score = score(xs, ys, n, a, step, diagonal, profile);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - COARSE_STEP; a <= coarse + COARSE_STEP + 1e-9; a += FINE_STEP) {
            double score = score(xs, ys, n, a, step, diagonal, profile);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return Math.max(-MAX_DEGREES, Math.min(MAX_DEGREES, Math.round(best * 100) / 100.0));
    }

    /** Sum of squared row counts after shearing the dark pixels by the angle: high when lines line up. */
    private static double score(int[] xs, int[] ys, int n, double degrees, int step, double diagonal,
            long[] profile) {
        java.util.Arrays.fill(profile, 0);
        double rad = Math.toRadians(degrees);
        double sin = Math.sin(rad);
        double cos = Math.cos(rad);
        for (int i = 0; i < n; i++) {
            double v = ys[i] * cos - xs[i] * sin + diagonal;
            profile[(int) (v / step)]++;
        }
        double sum = 0;
        for (long c : profile) {
            sum += (double) c * c;
        }
        return sum;
    }

    /** Turns the image by -degrees (undoing the skew) onto a canvas large enough to keep every corner. */
    static GrayImage rotate(GrayImage image, double degrees) {
        int w = image.width();
        int h = image.height();
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        int ow = (int) Math.ceil(w * Math.abs(cos) + h * Math.abs(sin));
        int oh = (int) Math.ceil(w * Math.abs(sin) + h * Math.abs(cos));
        byte[] in = image.pixels();
        byte[] out = new byte[ow * oh];
        double cx = w / 2.0;
        double cy = h / 2.0;
        double ocx = ow / 2.0;
        double ocy = oh / 2.0;
        for (int v = 0; v < oh; v++) {
            double dy = v + 0.5 - ocy;
            for (int u = 0; u < ow; u++) {
                double dx = u + 0.5 - ocx;
                double sx = cx + dx * cos - dy * sin - 0.5;
                double sy = cy + dx * sin + dy * cos - 0.5;
                out[v * ow + u] = (byte) sample(in, w, h, sx, sy);
            }
        }
        return new GrayImage(out, ow, oh, image.scale());
    }

    /** Bilinear sample; outside the page is white paper. */
    private static int sample(byte[] in, int w, int h, double x, double y) {
        if (x < -1 || y < -1 || x > w || y > h) {
            return 255;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double p00 = at(in, w, h, x0, y0);
        double p10 = at(in, w, h, x0 + 1, y0);
        double p01 = at(in, w, h, x0, y0 + 1);
        double p11 = at(in, w, h, x0 + 1, y0 + 1);
        double top = p00 * (1 - fx) + p10 * fx;
        double bottom = p01 * (1 - fx) + p11 * fx;
        return (int) Math.round(top * (1 - fy) + bottom * fy);
    }

    private static int at(byte[] in, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : in[y * w + x] & 0xff;
    }
}
