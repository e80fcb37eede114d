package io.inkstream.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class LowConfidenceRetryTest {

    private static final String[] LINES = {"Invoice number 4711 for Acme Corporation",
            "Total amount due 99.50 EUR by Friday", "Please keep this receipt for your records"};
    private static OcrPool pool;
    private static EngineSettings settings;

    @BeforeAll
    static void startPool() {
        settings = EngineSettings.defaults(Fixtures.TESSDATA);
        pool = new OcrPool(settings.tessdata(), 1, "eng");
        pool.start();
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    /** Threshold 0 never retries: this is what the first reading alone gives. */
    private static EngineSettings withThreshold(double threshold) {
        EngineSettings d = settings;
        return new EngineSettings(d.tessdata(), 1, d.defaultLanguages(), d.pageTimeoutMs(), d.renderDpi(),
                d.maxOcrPixels(), d.maxImagePixels(), d.maxPages(), d.textLayerMinChars(), threshold,
                d.minOrientationConfidence());
    }

    private static PageResult extract(byte[] png, EngineSettings s, SimpleMeterRegistry registry) {
        CollectingSink sink = new CollectingSink();
        new DocumentExtractor(pool, s, new EngineMetrics(registry)).extract(png, ExtractionOptions.defaults(), true,
                sink);
        assertThat(sink.failures).isEmpty();
        return sink.pages.get(1);
    }

    private static double retries(SimpleMeterRegistry registry, String outcome) {
        Counter c = registry.find("ocr.retries").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private static long expectedWordsFound(String text) {
        return Arrays.stream(LINES).flatMap(l -> Arrays.stream(l.split(" "))).filter(text::contains).count();
    }

    @Test
    void givenNoisyLowContrastTinyText_whenExtracted_thenStrengthenedSecondReadingWins() {
        BufferedImage scan = Fixtures.poorScan(9, 90, 200, 20, 7, LINES);
        byte[] png = Fixtures.png(scan);
        PageResult firstOnly = extract(png, withThreshold(0), new SimpleMeterRegistry());
        assertThat(firstOnly.confidence()).isLessThan(settings.lowConfidenceThreshold());

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PageResult page = extract(png, settings, registry);

        assertThat(retries(registry, "improved")).isEqualTo(1.0);
        assertThat(retries(registry, "kept")).isZero();
        assertThat(page.confidence()).isGreaterThan(firstOnly.confidence());
        assertThat(page.lowConfidence()).isEqualTo(page.confidence() < settings.lowConfidenceThreshold());
        assertThat(expectedWordsFound(page.text())).isGreaterThanOrEqualTo(expectedWordsFound(firstOnly.text()));
        // The retry read a 2x image: its boxes must still be in the original page's pixels.
        assertThat(page.width()).isEqualTo(scan.getWidth());
        List<PageResult.Word> words = page.blocks().stream().flatMap(b -> b.lines().stream())
                .flatMap(l -> l.words().stream()).toList();
        assertThat(words).isNotEmpty().allSatisfy(w -> {
            assertThat(w.bbox().get(0) + w.bbox().get(2)).isLessThanOrEqualTo(scan.getWidth());
            assertThat(w.bbox().get(1) + w.bbox().get(3)).isLessThanOrEqualTo(scan.getHeight());
            // 9 px text: a word box taller than 20 px would mean the 2x scale was not undone.
            assertThat(w.bbox().get(3)).isLessThan(20.0);
        });
    }

    @Test
    void givenCleanPage_whenExtracted_thenReadOnceWithoutRetry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        PageResult page = extract(Fixtures.png(Fixtures.render(1400, 40, LINES)), settings, registry);

        assertThat(page.lowConfidence()).isFalse();
        assertThat(page.text()).contains("Acme Corporation");
        assertThat(registry.find("ocr.retries").counters()).isEmpty();
    }

    @Test
    void givenSmallGrayImage_whenStrengthened_thenUpscaledBinaryWithHalvedScale() {
        byte[] pixels = new byte[10 * 10];
        Arrays.fill(pixels, (byte) 200);
        for (int i = 30; i < 50; i++) {
            pixels[i] = (byte) 60;
        }
        GrayImage strong = Preprocess.strengthen(new GrayImage(pixels, 10, 10, 1.0), 8, 1_000_000);

        assertThat(strong.width()).isEqualTo(20);
        assertThat(strong.height()).isEqualTo(20);
        assertThat(strong.scale()).isEqualTo(0.5);
        for (byte p : strong.pixels()) {
            assertThat(p & 0xff).isIn(0, 255);
        }
    }
}
