package io.inkstream.worker.engine;

import java.util.List;
import java.util.Locale;

import io.inkstream.contracts.message.PageResult;

/**
 * Writes a page as hOCR 1.2 (XHTML) from the page model, so its boxes are exactly the JSON's: in the original page's
 * space (pixels for images, PDF points for PDF pages), after any rotation was mapped back.
 */
public final class HocrWriter {

    private HocrWriter() {
    }

    public static String write(PageResult page) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" ")
                .append("\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n<head>\n")
                .append("<title></title>\n")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n")
                .append("<meta name=\"ocr-system\" content=\"inkstream\"/>\n")
                .append("<meta name=\"ocr-capabilities\" content=\"ocr_page ocr_carea ocr_line ocrx_word\"/>\n")
                .append("</head>\n<body>\n");
        int p = page.page();
        out.append("<div class=\"ocr_page\" id=\"page_").append(p).append("\" title=\"bbox 0 0 ")
                .append(Math.round(page.width())).append(' ').append(Math.round(page.height()))
                .append("; ppageno ").append(p - 1).append("\">\n");
        int b = 0;
        int l = 0;
        int w = 0;
        for (PageResult.Block block : page.blocks()) {
            b++;
            out.append(" <div class=\"ocr_carea\" id=\"block_").append(p).append('_').append(b).append("\" title=\"")
                    .append(bbox(block.bbox())).append("\">\n");
            for (PageResult.Line line : block.lines()) {
                l++;
                out.append("  <span class=\"ocr_line\" id=\"line_").append(p).append('_').append(l)
                        .append("\" title=\"").append(bbox(line.bbox())).append("\">");
                for (PageResult.Word word : line.words()) {
                    w++;
                    out.append("<span class=\"ocrx_word\" id=\"word_").append(p).append('_').append(w)
                            .append("\" title=\"").append(bbox(word.bbox())).append("; x_wconf ")
                            .append(Math.round(word.confidence() * 100)).append("\">")
                            .append(escape(word.text())).append("</span> ");
                }
                out.append("</span>\n");
            }
            out.append(" </div>\n");
        }
        out.append("</div>\n</body>\n</html>\n");
        return out.toString();
    }

    /** hOCR boxes are corner coordinates: x0 y0 x1 y1. */
    private static String bbox(List<Double> box) {
        long x0 = Math.round(box.get(0));
        long y0 = Math.round(box.get(1));
        long x1 = Math.round(box.get(0) + box.get(2));
        long y1 = Math.round(box.get(1) + box.get(3));
        return String.format(Locale.ROOT, "bbox %d %d %d %d", x0, y0, x1, y1);
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
