package io.inkstream.worker.engine;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import io.inkstream.contracts.message.PageResult;

/**
 * Reads one PDF page's text layer into blocks, lines and words with boxes in PDF points (top-left origin), and
 * counts how plausible its characters are so the caller can decide between the text layer and OCR.
 */
final class TextLayerReader extends PDFTextStripper {

    /** The page's text layer and how much of it looks like real text. */
    record TextLayer(List<PageResult.Block> blocks, int alnumChars, int badChars, int totalChars) {

        /**
         * Real text: mostly printable characters (no replacement or private-use glyphs from fonts without a
         * ToUnicode map) and either enough of it or no image that could hold the page's true content.
         */
        boolean isReal(int minChars, boolean pageHasImages) {
            if (totalChars == 0 || alnumChars == 0) {
                return false;
            }
            if (badChars > totalChars * 0.1) {
                return false;
            }
            return alnumChars >= minChars || !pageHasImages;
        }
    }

    private final List<PageResult.Block> blocks = new ArrayList<>();
    private List<List<PageResult.Word>> lines = new ArrayList<>();
    private List<PageResult.Word> line = new ArrayList<>();
    private int alnum;
    private int bad;
    private int total;

    private TextLayerReader() {
        super();
        setSortByPosition(true);
    }

    static TextLayer read(PDDocument doc, int pageNumber) throws IOException {
        TextLayerReader reader = new TextLayerReader();
        reader.setStartPage(pageNumber);
        reader.setEndPage(pageNumber);
        reader.writeText(doc, Writer.nullWriter());
        reader.endBlock();
        return new TextLayer(List.copyOf(reader.blocks), reader.alnum, reader.bad, reader.total);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        // PDFTextStripper hands over one word per call; split defensively when whitespace slipped in.
        if (positions.isEmpty()) {
            return;
        }
        if (text.length() != positions.size()) {
            addWord(text.strip(), positions);
            return;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                addWord(text.substring(start, i), positions.subList(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
    }

    private void addWord(String word, List<TextPosition> positions) {
        if (word.isEmpty() || positions.isEmpty()) {
            return;
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (TextPosition p : positions) {
            x0 = Math.min(x0, p.getXDirAdj());
            x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
            y0 = Math.min(y0, p.getYDirAdj() - p.getHeightDir());
            y1 = Math.max(y1, p.getYDirAdj());
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            total++;
            if (c == '\uFFFD' || Character.isISOControl(c) || (c >= '\uE000' && c <= '\uF8FF')) {
                bad++;
            } else if (Character.isLetterOrDigit(c)) {
                alnum++;
            }
        }
        line.add(new PageResult.Word(word, PageResults.box(x0, y0, x1 - x0, y1 - y0), 1.0));
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeWordSeparator() {
        // words are already separate entries
    }

    @Override
    protected void writeParagraphStart() {
        endBlock();
    }

    @Override
    protected void writeParagraphEnd() {
        endBlock();
    }

    private void endLine() {
        if (!line.isEmpty()) {
            lines.add(line);
            line = new ArrayList<>();
        }
    }

    private void endBlock() {
        endLine();
        if (!lines.isEmpty()) {
            blocks.add(PageResults.block(lines));
            lines = new ArrayList<>();
        }
    }
}
