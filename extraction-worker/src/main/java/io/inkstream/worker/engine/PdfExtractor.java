package io.inkstream.worker.engine;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.PageResult;

/**
 * PDFs page by page: the text layer when it is real text (fast path, boxes in points), otherwise the page rendered
 * at up to the configured DPI within the pixel budget and OCRed, boxes mapped back to points.
 */
public final class PdfExtractor {

    private final TesseractOcr ocr;
    private final EngineSettings settings;
    private final EngineMetrics metrics;

    public PdfExtractor(TesseractOcr ocr, EngineSettings settings, EngineMetrics metrics) {
        this.ocr = ocr;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Pages in the PDF; DOCUMENT_ENCRYPTED, DOCUMENT_UNREADABLE or TOO_MANY_PAGES when it cannot be split. */
    public int pageCount(byte[] bytes) {
        try (PDDocument doc = load(bytes)) {
            return checkedCount(doc);
        } catch (IOException e) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the PDF cannot be closed cleanly", e);
        }
    }

    private int checkedCount(PDDocument doc) {
        int count = doc.getNumberOfPages();
        if (count < 1) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the PDF has no pages");
        }
        if (count > settings.maxPages()) {
            throw new ExtractionException(ErrorCode.TOO_MANY_PAGES,
                    "the PDF has " + count + " pages, above the limit of " + settings.maxPages());
        }
        return count;
    }

    /** Extracts every page, or only page {@code onlyPage} (1-based) when it is positive. */
    public void extract(byte[] bytes, String languages, boolean orientation, boolean interactive, int onlyPage,
            PageSink sink) {
        try (PDDocument doc = load(bytes)) {
            int count = checkedCount(doc);
            if (onlyPage > count) {
                throw new ExtractionException(ErrorCode.INVALID_REQUEST, "the PDF has no page " + onlyPage);
            }
            sink.pageCount(count);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < count && sink.wantsMore(); i++) {
                if (onlyPage > 0 && i + 1 != onlyPage) {
                    continue;
                }
                PageResult result;
                try {
                    result = page(doc, renderer, i, languages, orientation, interactive);
                } catch (ExtractionException e) {
                    metrics.pageFailed(e.code());
                    sink.pageFailed(i + 1, e.code(), e.getMessage());
                    continue;
                } catch (IOException | RuntimeException e) {
                    metrics.pageFailed(ErrorCode.DOCUMENT_UNREADABLE);
                    sink.pageFailed(i + 1, ErrorCode.DOCUMENT_UNREADABLE, "the page cannot be read");
                    continue;
                }
                metrics.pageExtracted(result.path());
                sink.page(i + 1, result);
            }
        } catch (IOException e) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the PDF cannot be closed cleanly", e);
        }
    }

    private static PDDocument load(byte[] bytes) {
        try {
            return Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(ErrorCode.DOCUMENT_ENCRYPTED, "the PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(ErrorCode.DOCUMENT_UNREADABLE, "the PDF cannot be parsed", e);
        }
    }

    private PageResult page(PDDocument doc, PDFRenderer renderer, int index, String languages, boolean orientation,
            boolean interactive) throws IOException {
        long start = System.nanoTime();
        PDPage page = doc.getPage(index);
        PDRectangle crop = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        double width = sideways ? crop.getHeight() : crop.getWidth();
        double height = sideways ? crop.getWidth() : crop.getHeight();

        TextLayerReader.TextLayer layer = TextLayerReader.read(doc, index + 1);
        long textMs = (System.nanoTime() - start) / 1_000_000;
        if (layer.isReal(settings.textLayerMinChars(), hasImages(page))) {
            return new PageResult(index + 1, round(width), round(height), PageResult.UNIT_POINT, 0,
                    PageResult.PATH_TEXT_LAYER, PageResults.text(layer.blocks()), 1.0, false, layer.blocks(),
                    new PageResult.Timings(textMs, 0, textMs), null);
        }

        float dpi = renderDpi(width, height);
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        GrayImage gray = GrayImage.of(image, 72.0 / dpi);
        long decodeMs = (System.nanoTime() - start) / 1_000_000;
        OcrReading reading = ocr.read(gray, languages, interactive, settings.pageTimeoutMs(), Math.round(dpi),
                orientation);
        double confidence = PageResults.meanConfidence(reading.blocks());
        boolean low = PageResults.wordCount(reading.blocks()) > 0 && confidence < settings.lowConfidenceThreshold();
        return new PageResult(index + 1, round(width), round(height), PageResult.UNIT_POINT, reading.rotation(),
                PageResult.PATH_OCR,
                PageResults.text(reading.blocks()), confidence, low, reading.blocks(),
                new PageResult.Timings(decodeMs, reading.ocrMs(), (System.nanoTime() - start) / 1_000_000), null);
    }

    /** The configured DPI, lowered so the rendered page stays within the OCR pixel budget. */
    float renderDpi(double widthPt, double heightPt) {
        double inches2 = (widthPt / 72.0) * (heightPt / 72.0);
        double budgetDpi = inches2 <= 0 ? settings.renderDpi() : Math.sqrt(settings.maxOcrPixels() / inches2);
        return (float) Math.max(1.0, Math.min(settings.renderDpi(), Math.floor(budgetDpi)));
    }

    private static boolean hasImages(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        try {
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            // Unreadable resources: assume a scan so a thin text layer does not hide the page's content.
            return true;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
