package io.inkstream.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OrientationTest {

    private static final String[] PARAGRAPH = {
        "Orientation detection uses a separate handle",
        "initialised with the osd trained data because",
        "the reading handle reports a constant angle.",
        "Boxes are mapped back to the original image."
    };
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

    /** The upright page turned counter-clockwise by the given degrees, as a careless scanner would feed it. */
    private static BufferedImage turnedCounterClockwise(BufferedImage img, int degrees) {
        boolean sideways = degrees % 180 != 0;
        int w = sideways ? img.getHeight() : img.getWidth();
        int h = sideways ? img.getWidth() : img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.rotate(Math.toRadians(-degrees));
        t.translate(-img.getWidth() / 2.0, -img.getHeight() / 2.0);
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void givenTurnedPage_whenExtracted_thenReadUprightWithBoxesInOriginalPixels(int turned) {
        BufferedImage upright = Fixtures.render(1500, 40, PARAGRAPH);
        BufferedImage scanned = turnedCounterClockwise(upright, turned);

        CollectingSink sink = new CollectingSink();
        extractor.extract(Fixtures.png(scanned), ExtractionOptions.defaults(), true, sink);

        PageResult page = sink.pages.get(1);
        assertThat(page.rotation()).isEqualTo(turned);
        assertThat(page.text()).contains("Orientation detection").contains("original image");
        assertThat(page.width()).isEqualTo(scanned.getWidth());
        List<PageResult.Word> words = page.blocks().stream().flatMap(b -> b.lines().stream())
                .flatMap(l -> l.words().stream()).toList();
        PageResult.Word longest = words.stream().max((a, b) -> a.text().length() - b.text().length()).orElseThrow();
        boolean sideways = turned % 180 != 0;
        // A long word is wide on an upright page and tall on a sideways one.
        if (sideways) {
            assertThat(longest.bbox().get(3)).isGreaterThan(longest.bbox().get(2));
        } else {
            assertThat(longest.bbox().get(2)).isGreaterThan(longest.bbox().get(3));
        }
        for (PageResult.Word w : words) {
            assertThat(w.bbox().get(0) + w.bbox().get(2)).isLessThanOrEqualTo(scanned.getWidth() + 1.0);
            assertThat(w.bbox().get(1) + w.bbox().get(3)).isLessThanOrEqualTo(scanned.getHeight() + 1.0);
            assertThat(w.bbox().get(0)).isGreaterThanOrEqualTo(0.0);
            assertThat(w.bbox().get(1)).isGreaterThanOrEqualTo(0.0);
        }
    }
}
