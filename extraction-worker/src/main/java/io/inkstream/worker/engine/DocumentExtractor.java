package io.inkstream.worker.engine;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageResult;

/**
 * The engine's entry point: detects the document type by magic bytes and streams its pages to a sink. Failures of the
 * whole document are thrown as {@link ExtractionException} before the sink hears of any page.
 */
public final class DocumentExtractor {

    /** The ExtractionOptions format name that asks for hOCR in PageResult.hocr. */
    public static final String HOCR = "hocr";

    private final OcrPool pool;
    private final TesseractOcr ocr;
    private final ImageDecoder images;
    private final PdfExtractor pdfs;
    private final EngineSettings settings;
    private final EngineMetrics metrics;

    public DocumentExtractor(OcrPool pool, EngineSettings settings, EngineMetrics metrics) {
        this.pool = pool;
        this.settings = settings;
        this.metrics = metrics;
        this.ocr = new TesseractOcr(pool, settings.minOrientationConfidence(), settings.lowConfidenceThreshold(),
                settings.maxOcrPixels(), metrics);
        this.images = new ImageDecoder(settings.maxOcrPixels(), settings.maxImagePixels());
        this.pdfs = new PdfExtractor(ocr, settings, metrics);
    }

    public OcrPool pool() {
        return pool;
    }

    public void extract(byte[] bytes, ExtractionOptions options, boolean interactive, PageSink sink) {
        extract(bytes, options, interactive, 0, sink);
    }

    /**
     * Counts the document's pages (for fan-out) with the same document-level checks as extraction: empty,
     * unsupported, unreadable, encrypted, too many pages, unavailable language.
     */
    public int pageCount(byte[] bytes, ExtractionOptions options) {
        try {
            DocumentKind kind = check(bytes, options);
            if (kind == DocumentKind.PDF) {
                return pdfs.pageCount(bytes);
            }
            try (ImageDecoder.Pages pages = images.open(bytes)) {
                return checkedFrames(pages);
            }
        } catch (ExtractionException e) {
            metrics.documentFailed(e.code());
            throw e;
        }
    }

    /** Extracts one page (1-based) of a fanned-out document; its failure is thrown with the page's code. */
    public PageResult extractPage(byte[] bytes, ExtractionOptions options, int page, boolean interactive) {
        PageResult[] result = new PageResult[1];
        ExtractionException[] failure = new ExtractionException[1];
        extract(bytes, options, interactive, page, new PageSink() {
            @Override
            public void pageCount(int count) {
                // the document was split earlier; only this page matters here
            }

            @Override
            public void page(int n, PageResult r) {
                result[0] = r;
            }

            @Override
            public void pageFailed(int n, ErrorCode code, String message) {
                failure[0] = new ExtractionException(code, message);
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (result[0] == null) {
            throw new ExtractionException(ErrorCode.INTERNAL, "page " + page + " produced no result");
        }
        return result[0];
    }

    private void extract(byte[] bytes, ExtractionOptions options, boolean interactive, int onlyPage,
            PageSink sink) {
        try {
            DocumentKind kind = check(bytes, options);
            String languages = options == null ? settings.defaultLanguages() : options.languagesOrDefault();
            boolean orientation = options == null || options.detectOrientationOrDefault();
            boolean hocr = options != null && options.formats() != null && options.formats().contains(HOCR);
            PageSink out = timed(sink, hocr);
            switch (kind) {
                case PDF -> pdfs.extract(bytes, languages, orientation, interactive, onlyPage, out);
                case IMAGE -> extractImage(bytes, languages, orientation, interactive, onlyPage, out);
            }
        } catch (ExtractionException e) {
            metrics.documentFailed(e.code());
            throw e;
        }
    }

    private DocumentKind check(byte[] bytes, ExtractionOptions options) {
        if (bytes == null || bytes.length == 0) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the document is empty");
        }
        DocumentKind kind = DocumentKind.sniff(bytes).orElseThrow(() -> new ExtractionException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, "not a PDF, PNG, JPEG, TIFF, GIF or BMP file"));
        pool.requireLanguages(options == null ? settings.defaultLanguages() : options.languagesOrDefault());
        return kind;
    }

    private static PageResult withHocr(PageResult r) {
        return new PageResult(r.page(), r.width(), r.height(), r.unit(), r.rotation(), r.path(), r.text(),
                r.confidence(), r.lowConfidence(), r.blocks(), r.timings(), HocrWriter.write(r));
    }

    private int checkedFrames(ImageDecoder.Pages pages) {
        int count = pages.count();
        if (count > settings.maxPages()) {
            throw new ExtractionException(ErrorCode.TOO_MANY_PAGES,
                    "the image has " + count + " frames, above the limit of " + settings.maxPages());
        }
        return count;
    }

    /** Records OCR time for every page the OCR path produced, and adds hOCR when the options ask for it. */
    private PageSink timed(PageSink sink, boolean hocr) {
        return new PageSink() {
            @Override
            public void pageCount(int count) {
                sink.pageCount(count);
            }

            @Override
            public void page(int page, PageResult result) {
                if (PageResult.PATH_OCR.equals(result.path()) && result.timings() != null) {
                    metrics.ocrTime(result.timings().ocrMs());
                }
                sink.page(page, hocr ? withHocr(result) : result);
            }

            @Override
            public void pageFailed(int page, ErrorCode code, String message) {
                sink.pageFailed(page, code, message);
            }

            @Override
            public boolean wantsMore() {
                return sink.wantsMore();
            }
        };
    }

    private void extractImage(byte[] bytes, String languages, boolean orientation, boolean interactive,
            int onlyPage, PageSink sink) {
        try (ImageDecoder.Pages pages = images.open(bytes)) {
            int count = checkedFrames(pages);
            if (onlyPage > count) {
                throw new ExtractionException(ErrorCode.INVALID_REQUEST, "the image has no frame " + onlyPage);
            }
            if (count == 1) {
                // A single image that cannot be decoded is a broken document, not a broken page.
                ImageDecoder.DecodedPage decoded = pages.decode(0);
                sink.pageCount(1);
                ocrPage(decoded, 1, languages, orientation, interactive, sink);
                return;
            }
            sink.pageCount(count);
            for (int i = 0; i < count && sink.wantsMore(); i++) {
                if (onlyPage > 0 && i + 1 != onlyPage) {
                    continue;
                }
                ImageDecoder.DecodedPage decoded;
                try {
                    decoded = pages.decode(i);
                } catch (ExtractionException e) {
                    metrics.pageFailed(e.code());
                    sink.pageFailed(i + 1, e.code(), e.getMessage());
                    continue;
                }
                ocrPage(decoded, i + 1, languages, orientation, interactive, sink);
            }
        }
    }

    private void ocrPage(ImageDecoder.DecodedPage decoded, int page, String languages, boolean orientation,
            boolean interactive, PageSink sink) {
        long start = System.nanoTime();
        PageResult result;
        try {
            OcrReading reading = ocr.read(decoded.image(), languages, interactive, settings.pageTimeoutMs(),
                    Math.max(70, (int) Math.round(300 / decoded.image().scale())), orientation);
            double confidence = PageResults.meanConfidence(reading.blocks());
            boolean low = PageResults.wordCount(reading.blocks()) > 0
                    && confidence < settings.lowConfidenceThreshold();
            long ocrTotal = (System.nanoTime() - start) / 1_000_000;
            result = new PageResult(page, decoded.width(), decoded.height(), PageResult.UNIT_PIXEL, reading.rotation(),
                    PageResult.PATH_OCR, PageResults.text(reading.blocks()), confidence, low, reading.blocks(),
                    new PageResult.Timings(decoded.decodeMs(), reading.ocrMs(), decoded.decodeMs() + ocrTotal),
                    null);
        } catch (ExtractionException e) {
            metrics.pageFailed(e.code());
            sink.pageFailed(page, e.code(), e.getMessage());
            return;
        }
        metrics.pageExtracted(result.path());
        sink.page(page, result);
    }
}
