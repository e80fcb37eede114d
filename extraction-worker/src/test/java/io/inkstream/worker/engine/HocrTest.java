package io.inkstream.worker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.inkstream.contracts.message.ExtractionOptions;
import io.inkstream.contracts.message.PageResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class HocrTest {

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

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Well-formedness is what we check; the XHTML DTD is not fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenHocrFormatRequested_whenExtracted_thenHocrParsesAndItsWordsMatchTheJsonBoxes() throws Exception {
        byte[] png = Fixtures.png(Fixtures.render(1400, 40, "Words & boxes <agree> in hOCR"));
        CollectingSink sink = new CollectingSink();

        extractor.extract(png, new ExtractionOptions("eng", List.of("json", "hocr"), false), true, sink);

        PageResult page = sink.pages.get(1);
        assertThat(page.hocr()).isNotBlank();
        Document doc = parse(page.hocr());
        NodeList spans = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "span");
        List<String> words = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            Element e = (Element) spans.item(i);
            if ("ocrx_word".equals(e.getAttribute("class"))) {
                words.add(e.getTextContent());
                titles.add(e.getAttribute("title"));
            }
        }
        List<PageResult.Word> json = page.blocks().stream().flatMap(b -> b.lines().stream())
                .flatMap(l -> l.words().stream()).toList();
        assertThat(words).containsExactlyElementsOf(json.stream().map(PageResult.Word::text).toList());
        PageResult.Word first = json.get(0);
        assertThat(titles.get(0)).startsWith(String.format("bbox %d %d", Math.round(first.bbox().get(0)),
                Math.round(first.bbox().get(1))));
    }

    @Test
    void givenHocrNotRequested_whenExtracted_thenNoHocr() {
        CollectingSink sink = new CollectingSink();

        extractor.extract(Fixtures.textPdf("plain json please"), ExtractionOptions.defaults(), true, sink);

        assertThat(sink.pages.get(1).hocr()).isNull();
    }
}
