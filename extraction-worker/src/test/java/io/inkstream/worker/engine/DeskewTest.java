package io.inkstream.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class DeskewTest {

    private static final String[] LINES = {"The quick brown fox jumps over the lazy dog",
            "Pack my box with five dozen liquor jugs", "Sphinx of black quartz judge my vow"};
    private static OcrPool pool;
    private static DocumentExtractor extractor;

    @BeforeAll
    static void startPool() {
        EngineSettings settings = EngineSettings.defaults(Fixtures.TESSDATA);
        pool = new OcrPool(settings.tessdata(), 1, "eng");
        pool.start();
        extractor = new DocumentExtractor(pool, settings, new EngineMetrics(new SimpleMeterRegistry()));
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    /** The page drawn turned clockwise by degrees about the centre of a larger white canvas. */
    private static BufferedImage turned(BufferedImage page, double degrees) {
        int w = page.getWidth() + 200;
        int h = page.getHeight() + 200;
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), w / 2.0, h / 2.0);
        g.drawImage(page, 100, 100, null);
        g.dispose();
        return canvas;
    }

    private static PageResult read(BufferedImage image) {
        CollectingSink sink = new CollectingSink();
        extractor.extract(Fixtures.png(image), ExtractionOptions.defaults(), true, sink);
        assertThat(sink.failures).isEmpty();
        return sink.pages.get(1);
    }

    private static PageResult.Word word(PageResult page, String text) {
        List<PageResult.Word> words = page.blocks().stream().flatMap(b -> b.lines().stream())
                .flatMap(l -> l.words().stream()).filter(w -> w.text().equals(text)).toList();
        assertThat(words).as("word %s in %s", text, page.text()).hasSize(1);
        return words.get(0);
    }

    @Test
    void givenPageTurnedThreeDegrees_whenMeasured_thenSkewIsFound() {
        BufferedImage page = Fixtures.render(1400, 36, LINES);

        assertThat(Deskew.measure(GrayImage.of(turned(page, 3), 1.0))).isCloseTo(3.0, within(0.3));
        assertThat(Deskew.measure(GrayImage.of(turned(page, -3), 1.0))).isCloseTo(-3.0, within(0.3));
        assertThat(Math.abs(Deskew.measure(GrayImage.of(turned(page, 0), 1.0)))).isLessThan(Deskew.MIN_DEGREES);
    }

    @Test
    void givenPageTurnedThreeDegrees_whenExtracted_thenTextIsReadAndBoxesLandOnTheSkewedWords() {
        BufferedImage page = Fixtures.render(1400, 36, LINES);
        BufferedImage straight = turned(page, 0);
        BufferedImage skewed = turned(page, 3);

        PageResult reference = read(straight);
        PageResult result = read(skewed);

        assertThat(result.text()).contains("quick brown fox").contains("five dozen").contains("black quartz");
        assertThat(result.width()).isEqualTo(skewed.getWidth());
        double cx = skewed.getWidth() / 2.0;
        double cy = skewed.getHeight() / 2.0;
        double rad = Math.toRadians(3);
        for (String text : List.of("quick", "dozen", "quartz")) {
            List<Double> ref = word(reference, text).bbox();
            List<Double> box = word(result, text).bbox();
            // Where the straight word's centre went when the page was turned.
            double dx = ref.get(0) + ref.get(2) / 2 - cx;
            double dy = ref.get(1) + ref.get(3) / 2 - cy;
            double ex = cx + dx * Math.cos(rad) - dy * Math.sin(rad);
            double ey = cy + dx * Math.sin(rad) + dy * Math.cos(rad);
            assertThat(box.get(0) + box.get(2) / 2).as("x centre of %s", text).isCloseTo(ex, within(12.0));
            assertThat(box.get(1) + box.get(3) / 2).as("y centre of %s", text).isCloseTo(ey, within(12.0));
            // The box of a turned word encloses it: as wide, and taller by at most its width times sin 3°.
            assertThat(box.get(2)).isGreaterThanOrEqualTo(ref.get(2) * 0.9);
            assertThat(box.get(3)).isLessThan(ref.get(3) + ref.get(2) * Math.sin(rad) + 12);
        }
    }
}
