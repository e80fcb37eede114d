package io.inkstream.worker.engine;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.PageResult;
import net.sourceforge.tess4j.ITessAPI.ETEXT_DESC;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * Recognises one gray page image on a pooled handle under Tesseract's own deadline monitor (Java cannot interrupt
 * native OCR), after the 90/180/270 orientation fix and a small-angle deskew, then walks the result iterator into
 * blocks, lines and words; a low-confidence reading gets one preprocessed re-read.
 */
public final class TesseractOcr {

    private final OcrPool pool;
    private final float minOrientationConfidence;
    private final double lowConfidenceThreshold;
    private final long maxOcrPixels;
    private final EngineMetrics metrics;

    /** lowConfidenceThreshold: a reading with words under this mean confidence is read once more, preprocessed. */
    public TesseractOcr(OcrPool pool, float minOrientationConfidence, double lowConfidenceThreshold,
            long maxOcrPixels, EngineMetrics metrics) {
        this.pool = pool;
        this.minOrientationConfidence = minOrientationConfidence;
        this.lowConfidenceThreshold = lowConfidenceThreshold;
        this.maxOcrPixels = maxOcrPixels;
        this.metrics = metrics;
    }

    public OcrPool pool() {
        return pool;
    }

    /**
     * Reads the image; boxes come back multiplied by the image's scale. Throws PAGE_TIMEOUT once the deadline passes.
     * A reading whose words average under the low-confidence threshold is read once more from a strengthened image
     * (see {@link Preprocess}) with the same rotation, and the reading with the higher mean confidence is kept.
     */
    public OcrReading read(GrayImage image, String languages, boolean interactive, int deadlineMs, int dpi,
            boolean detectOrientation) {
        OcrReading first = recognise(image, languages, interactive, deadlineMs, dpi, detectOrientation ? -1 : 0);
        double firstConfidence = PageResults.meanConfidence(first.blocks());
        // A page without words is blank or a picture: binarising it would only turn noise into invented words.
        if (PageResults.wordCount(first.blocks()) == 0 || firstConfidence >= lowConfidenceThreshold) {
            return first;
        }
        GrayImage strong = Preprocess.strengthen(image, meanWordHeightPx(first.blocks(), image.scale()),
                maxOcrPixels);
        OcrReading second;
        try {
            // The retry keeps the first reading's upright rotation, so it needs no second OSD pass.
            second = recognise(strong, languages, interactive, deadlineMs, (int) Math.round(dpi * image.scale()
                    / strong.scale()), first.rotation());
        } catch (ExtractionException e) {
            // The first reading is still an answer; a retry that times out must not turn it into a failure.
            metrics.ocrRetry(false);
            return withTime(first, first.ocrMs());
        }
        long totalMs = first.ocrMs() + second.ocrMs();
        boolean improved = PageResults.wordCount(second.blocks()) > 0
                && PageResults.meanConfidence(second.blocks()) > firstConfidence;
        metrics.ocrRetry(improved);
        return withTime(improved ? second : first, totalMs);
    }

    private static OcrReading withTime(OcrReading reading, long ocrMs) {
        return new OcrReading(reading.blocks(), reading.rotation(), ocrMs);
    }

    /** Mean word box height in the image's own pixels (boxes are in page units, i.e. pixels times scale). */
    static double meanWordHeightPx(List<PageResult.Block> blocks, double scale) {
        double sum = 0;
        int n = 0;
        for (PageResult.Block b : blocks) {
            for (PageResult.Line l : b.lines()) {
                for (PageResult.Word w : l.words()) {
                    sum += w.bbox().get(3);
                    n++;
                }
            }
        }
        return n == 0 || scale <= 0 ? 0 : sum / n / scale;
    }

    /** One recognition; forcedRotation -1 asks OSD, otherwise that clockwise rotation is applied as is. */
    private OcrReading recognise(GrayImage image, String languages, boolean interactive, int deadlineMs, int dpi,
            int forcedRotation) {
        TessAPI api = TessAPI.INSTANCE;
        try (OcrPool.Lease lease = pool.acquire(interactive)) {
            long start = System.nanoTime();
            int rotation = forcedRotation >= 0 ? forcedRotation
                    : pool.hasOsd() ? uprightRotation(api, lease, image, dpi) : 0;
            Deskew.Result straight = Deskew.apply(image.rotateClockwise(rotation));
            GrayImage upright = straight.image();
            TessBaseAPI handle = lease.handle(languages);
            ByteBuffer buf = direct(upright);
            api.TessBaseAPISetImage(handle, buf, upright.width(), upright.height(), 1, upright.width());
            api.TessBaseAPISetSourceResolution(handle, dpi);
            ETEXT_DESC monitor = api.TessMonitorCreate();
            // tess4j's struct layout differs from Tesseract 5.3's: JNA must never read or write it.
            monitor.setAutoSynch(false);
            try {
                api.TessMonitorSetDeadlineMSecs(monitor, Math.max(1, deadlineMs));
                int rc = api.TessBaseAPIRecognize(handle, monitor);
                if (rc != 0) {
                    throw new ExtractionException(ErrorCode.PAGE_TIMEOUT,
                            "page recognition stopped at its " + deadlineMs + " ms limit");
                }
                BoxMapper mapper = new BoxMapper(rotation, image.width(), image.height(), image.scale(), straight);
                List<PageResult.Block> blocks = collect(api, handle, mapper);
                return new OcrReading(blocks, rotation, (System.nanoTime() - start) / 1_000_000);
            } finally {
                api.TessMonitorDelete(monitor);
                // Drops the page image and results so the handle is clean for the next page.
                api.TessBaseAPIClear(handle);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(ErrorCode.UNAVAILABLE, "interrupted while waiting for an OCR handle", e);
        }
    }

    private static ByteBuffer direct(GrayImage image) {
        ByteBuffer buf = ByteBuffer.allocateDirect(image.pixels().length);
        buf.put(image.pixels()).flip();
        return buf;
    }

    /**
     * Clockwise degrees that turn the image upright, from the slot's separate {@code osd} handle (OSD on a reading
     * handle silently answers 270 for everything). 0 when OSD is unsure or finds too little text.
     */
    private int uprightRotation(TessAPI api, OcrPool.Lease lease, GrayImage image, int dpi) {
        TessBaseAPI osd = lease.handle(OcrPool.OSD);
        ByteBuffer buf = direct(image);
        api.TessBaseAPISetImage(osd, buf, image.width(), image.height(), 1, image.width());
        api.TessBaseAPISetSourceResolution(osd, dpi);
        try {
            IntBuffer degrees = IntBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1);
            FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
            PointerByReference script = new PointerByReference();
            int ok = api.TessBaseAPIDetectOrientationScript(osd, degrees, confidence, script, scriptConfidence);
            if (ok == 0 || confidence.get(0) < minOrientationConfidence) {
                return 0;
            }
            // Tesseract reports how far the page is turned clockwise; undoing that is the rest of a full turn.
            return Math.floorMod(360 - degrees.get(0), 360);
        } finally {
            api.TessBaseAPIClear(osd);
        }
    }

    /**
     * Maps a word box from the deskewed upright image back to the upright image (inverse small turn), then to the
     * original image (inverse 90/180/270), then to the page's units.
     */
    record BoxMapper(int rotation, int width, int height, double scale, Deskew.Result straight) {
        List<Double> map(int bx, int by, int bw, int bh) {
            double[] u = straight.toSource(bx, by, bw, bh);
            double x = u[0];
            double y = u[1];
            double w = u[2];
            double h = u[3];
            double ox;
            double oy;
            double ow;
            double oh;
            switch (rotation) {
                case 90 -> {
                    ox = y;
                    oy = height - (x + w);
                    ow = h;
                    oh = w;
                }
                case 180 -> {
                    ox = width - (x + w);
                    oy = height - (y + h);
                    ow = w;
                    oh = h;
                }
                case 270 -> {
                    ox = width - (y + h);
                    oy = x;
                    ow = h;
                    oh = w;
                }
                default -> {
                    ox = x;
                    oy = y;
                    ow = w;
                    oh = h;
                }
            }
            return PageResults.box(ox * scale, oy * scale, ow * scale, oh * scale);
        }
    }

    private static List<PageResult.Block> collect(TessAPI api, TessBaseAPI handle, BoxMapper mapper) {
        List<PageResult.Block> blocks = new ArrayList<>();
        TessResultIterator ri = api.TessBaseAPIGetIterator(handle);
        if (ri == null) {
            return blocks;
        }
        try {
            TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            IntBuffer left = IntBuffer.allocate(1);
            IntBuffer top = IntBuffer.allocate(1);
            IntBuffer right = IntBuffer.allocate(1);
            IntBuffer bottom = IntBuffer.allocate(1);
            List<List<PageResult.Word>> lines = null;
            List<PageResult.Word> line = null;
            do {
                Pointer textPtr = api.TessResultIteratorGetUTF8Text(ri, TessPageIteratorLevel.RIL_WORD);
                if (textPtr == null) {
                    continue;
                }
                String text;
                try {
                    text = textPtr.getString(0, "UTF-8").strip();
                } finally {
                    api.TessDeleteText(textPtr);
                }
                if (text.isEmpty()) {
                    continue;
                }
                boolean newBlock = lines == null
                        || api.TessPageIteratorIsAtBeginningOf(pi, TessPageIteratorLevel.RIL_BLOCK) != 0;
                boolean newLine = newBlock
                        || api.TessPageIteratorIsAtBeginningOf(pi, TessPageIteratorLevel.RIL_TEXTLINE) != 0;
                if (newBlock) {
                    if (lines != null) {
                        blocks.add(PageResults.block(lines));
                    }
                    lines = new ArrayList<>();
                }
                if (newLine) {
                    line = new ArrayList<>();
                    lines.add(line);
                }
                api.TessPageIteratorBoundingBox(pi, TessPageIteratorLevel.RIL_WORD, left, top, right, bottom);
                double conf = api.TessResultIteratorConfidence(ri, TessPageIteratorLevel.RIL_WORD) / 100.0;
                int x = left.get(0);
                int y = top.get(0);
                line.add(new PageResult.Word(text, mapper.map(x, y, right.get(0) - x, bottom.get(0) - y),
                        Math.max(0, Math.min(1, conf))));
            } while (api.TessResultIteratorNext(ri, TessPageIteratorLevel.RIL_WORD) != 0);
            if (lines != null) {
                blocks.add(PageResults.block(lines));
            }
            return blocks;
        } finally {
            api.TessResultIteratorDelete(ri);
        }
    }
}
