package io.inkstream.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DocumentExtractorTest {

    private static final String SENTENCE = "The quick brown fox jumps over the lazy dog";
    private static OcrPool pool;
    private static DocumentExtractor extractor;
    private static EngineSettings settings;

    @BeforeAll
    static void startPool() {
        settings = EngineSettings.defaults(Fixtures.TESSDATA);
        pool = new OcrPool(settings.tessdata(), 2, "eng");
        pool.start();
        extractor = new DocumentExtractor(pool, settings, new EngineMetrics(new SimpleMeterRegistry()));
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static CollectingSink extract(byte[] bytes) {
        CollectingSink sink = new CollectingSink();
        extractor.extract(bytes, ExtractionOptions.defaults(), true, sink);
        return sink;
    }

    private static List<PageResult.Word> words(PageResult page) {
        return page.blocks().stream().flatMap(b -> b.lines().stream()).flatMap(l -> l.words().stream()).toList();
    }

    @Test
    void givenRenderedSentencePng_whenExtracted_thenWordsAreFoundWithPlausibleBoxes() {
        BufferedImage img = Fixtures.render(1400, 40, SENTENCE);

        CollectingSink sink = extract(Fixtures.png(img));

        assertThat(sink.pageCount).isEqualTo(1);
        PageResult page = sink.pages.get(1);
        assertThat(page.path()).isEqualTo(PageResult.PATH_OCR);
        assertThat(page.unit()).isEqualTo(PageResult.UNIT_PIXEL);
        assertThat(page.width()).isEqualTo(1400);
        assertThat(page.text()).contains("quick brown fox");
        assertThat(page.confidence()).isBetween(0.5, 1.0);
        List<PageResult.Word> words = words(page);
        assertThat(words).extracting(PageResult.Word::text).contains("quick", "lazy", "dog");
        for (PageResult.Word w : words) {
            assertThat(w.bbox().get(0)).isBetween(0.0, 1400.0);
            assertThat(w.bbox().get(1)).isBetween(0.0, (double) img.getHeight());
            assertThat(w.bbox().get(2)).isBetween(5.0, 400.0);
            assertThat(w.bbox().get(3)).isBetween(10.0, 80.0);
            assertThat(w.confidence()).isBetween(0.0, 1.0);
        }
        // Words of one line read left to right.
        List<Double> xs = words.stream().map(w -> w.bbox().get(0)).toList();
        assertThat(xs).isSorted();
    }

    @Test
    void givenMultiPageTiff_whenExtracted_thenEveryFrameIsAPage() throws Exception {
        BufferedImage first = Fixtures.render(1200, 40, "first page here");
        BufferedImage second = Fixtures.render(1200, 40, "second page there");
        byte[] tiff = MultiPageTiff.of(first, second);

        CollectingSink sink = extract(tiff);

        assertThat(sink.pageCount).isEqualTo(2);
        assertThat(sink.pages.get(1).text()).contains("first");
        assertThat(sink.pages.get(2).text()).contains("second");
    }

    @Test
    void givenBornDigitalPdf_whenExtracted_thenTextLayerIsUsedWithBoxesInPoints() {
        byte[] pdf = Fixtures.textPdf("Invoice number 12345 for Acme Corporation", "Total amount due 99.50 EUR");

        CollectingSink sink = extract(pdf);

        PageResult page = sink.pages.get(1);
        assertThat(page.path()).isEqualTo(PageResult.PATH_TEXT_LAYER);
        assertThat(page.unit()).isEqualTo(PageResult.UNIT_POINT);
        assertThat(page.width()).isCloseTo(595.28, org.assertj.core.data.Offset.offset(0.5));
        assertThat(page.text()).contains("Invoice number 12345").contains("Total amount due");
        PageResult.Word invoice = words(page).get(0);
        assertThat(invoice.text()).isEqualTo("Invoice");
        // Drawn at x=72pt, baseline 842-760=82pt from the top at 14pt.
        assertThat(invoice.bbox().get(0)).isCloseTo(72.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(invoice.bbox().get(1) + invoice.bbox().get(3)).isCloseTo(82.0, org.assertj.core.data.Offset.offset(3.0));
        assertThat(page.blocks().stream().mapToInt(b -> b.lines().size()).sum()).isEqualTo(2);
    }

    @Test
    void givenPdfWithImageOnlyPage_whenExtracted_thenThatPageIsRoutedToOcr() {
        BufferedImage scan = Fixtures.render(1600, 48, "Scanned receipt paid in full");
        byte[] pdf = Fixtures.textThenScanPdf("A born digital cover page with text", scan);

        CollectingSink sink = extract(pdf);

        assertThat(sink.pageCount).isEqualTo(2);
        assertThat(sink.pages.get(1).path()).isEqualTo(PageResult.PATH_TEXT_LAYER);
        PageResult scanned = sink.pages.get(2);
        assertThat(scanned.path()).isEqualTo(PageResult.PATH_OCR);
        assertThat(scanned.unit()).isEqualTo(PageResult.UNIT_POINT);
        assertThat(scanned.text()).contains("receipt");
        // Boxes come back in points, inside the A4 page where the image was drawn.
        for (PageResult.Word w : words(scanned)) {
            assertThat(w.bbox().get(0)).isBetween(30.0, 595.0);
            assertThat(w.bbox().get(1)).isBetween(30.0, 300.0);
        }
    }

    @Test
    void givenPdfWithBrokenXref_whenExtracted_thenPdfBoxRepairsItAndTextIsRead() {
        byte[] pdf = Fixtures.textPdf("Repaired cross reference table still reads fine");
        String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = raw.lastIndexOf("startxref");
        String broken = raw.substring(0, at) + "startxref\n999999\n%%EOF\n";

        CollectingSink sink = extract(broken.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(sink.pages.get(1).text()).contains("Repaired cross reference");
    }

    @Test
    void givenPdfThatIsNotAPdf_whenExtracted_thenDocumentUnreadable() {
        byte[] junk = "%PDF-1.7\n this is not a PDF body at all".getBytes();

        assertThatThrownBy(() -> extract(junk))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE);
    }

    @Test
    void givenEmptyFile_whenExtracted_thenDocumentUnreadable() {
        assertThatThrownBy(() -> extract(new byte[0]))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE);
    }

    @Test
    void givenTruncatedPng_whenExtracted_thenDocumentUnreadable() {
        byte[] png = Fixtures.png(Fixtures.render(1400, 40, SENTENCE));

        assertThatThrownBy(() -> extract(Fixtures.truncated(png, png.length / 2)))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.DOCUMENT_UNREADABLE);
    }

    @Test
    void givenEncryptedPdf_whenExtracted_thenDocumentEncrypted() {
        assertThatThrownBy(() -> extract(Fixtures.encryptedPdf("secret text")))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.DOCUMENT_ENCRYPTED);
    }

    @Test
    void givenUnknownBytes_whenExtracted_thenUnsupportedMediaType() {
        assertThatThrownBy(() -> extract("just some text".getBytes()))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void givenUninstalledLanguage_whenExtracted_thenLanguageUnavailable() {
        CollectingSink sink = new CollectingSink();
        byte[] png = Fixtures.png(Fixtures.render(800, 40, "hello"));

        assertThatThrownBy(() -> extractor.extract(png, new ExtractionOptions("xxx", null, false), true, sink))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.LANGUAGE_UNAVAILABLE);
    }

    @Test
    void givenTooTightDeadline_whenExtracted_thenPageTimeoutAndPoolKeepsFullSize() {
        String[] lines = new String[60];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "Line " + i + " of a dense page full of words that take Tesseract a while to read";
        }
        byte[] dense = Fixtures.png(Fixtures.render(2480, 34, lines));
        DocumentExtractor strict = new DocumentExtractor(pool, settings.withPageTimeoutMs(1),
                new EngineMetrics(new SimpleMeterRegistry()));

        CollectingSink sink = new CollectingSink();
        strict.extract(dense, ExtractionOptions.defaults(), false, sink);

        assertThat(sink.failures).extracting(CollectingSink.Failure::code).containsExactly(ErrorCode.PAGE_TIMEOUT);
        assertThat(pool.available()).isEqualTo(pool.size());
        // The handle that timed out still reads the next page.
        CollectingSink next = extract(Fixtures.png(Fixtures.render(1000, 40, "still working")));
        assertThat(next.pages.get(1).text()).contains("working");
        assertThat(pool.available()).isEqualTo(pool.size());
    }

    @Test
    void givenHugeImageHeader_whenExtracted_thenFailsFastWithoutDecoding() {
        byte[] header = PngHeader.of(60000, 60000);

        assertThatThrownBy(() -> extract(header))
                .isInstanceOf(ExtractionException.class)
                .extracting(e -> ((ExtractionException) e).code()).isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
    }

    static String joined(List<PageResult.Word> words) {
        return words.stream().map(PageResult.Word::text).collect(Collectors.joining(" "));
    }
}
