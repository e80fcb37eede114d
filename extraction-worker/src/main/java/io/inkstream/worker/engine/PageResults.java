package io.inkstream.worker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.inkstream.contracts.message.PageResult;

/** Builds the page model: union boxes, reading-order text and mean word confidence. */
public final class PageResults {

    private PageResults() {
    }

    public static List<Double> box(double x, double y, double w, double h) {
        return List.of(round(x), round(y), round(Math.max(0, w)), round(Math.max(0, h)));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** A block from its lines of words; empty lines are dropped, boxes are unions. */
    public static PageResult.Block block(List<List<PageResult.Word>> lines) {
        List<PageResult.Line> out = new ArrayList<>();
        for (List<PageResult.Word> words : lines) {
            if (!words.isEmpty()) {
                out.add(new PageResult.Line(union(words.stream().map(PageResult.Word::bbox).toList()),
                        List.copyOf(words)));
            }
        }
        return new PageResult.Block(union(out.stream().map(PageResult.Line::bbox).toList()), out);
    }

    static List<Double> union(List<List<Double>> boxes) {
        if (boxes.isEmpty()) {
            return box(0, 0, 0, 0);
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (List<Double> b : boxes) {
            x0 = Math.min(x0, b.get(0));
            y0 = Math.min(y0, b.get(1));
            x1 = Math.max(x1, b.get(0) + b.get(2));
            y1 = Math.max(y1, b.get(1) + b.get(3));
        }
        return box(x0, y0, x1 - x0, y1 - y0);
    }

    /** Words joined by spaces, lines by newlines, blocks by blank lines. */
    public static String text(List<PageResult.Block> blocks) {
        return blocks.stream()
                .filter(b -> !b.lines().isEmpty())
                .map(b -> b.lines().stream()
                        .map(l -> l.words().stream().map(PageResult.Word::text).collect(Collectors.joining(" ")))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n\n"));
    }

    /** Mean word confidence 0..1; 0 when the page has no words. */
    public static double meanConfidence(List<PageResult.Block> blocks) {
        double sum = 0;
        int n = 0;
        for (PageResult.Block b : blocks) {
            for (PageResult.Line l : b.lines()) {
                for (PageResult.Word w : l.words()) {
                    sum += w.confidence();
                    n++;
                }
            }
        }
        return n == 0 ? 0 : Math.round(sum / n * 10_000.0) / 10_000.0;
    }

    public static int wordCount(List<PageResult.Block> blocks) {
        return blocks.stream().flatMap(b -> b.lines().stream()).mapToInt(l -> l.words().size()).sum();
    }
}
