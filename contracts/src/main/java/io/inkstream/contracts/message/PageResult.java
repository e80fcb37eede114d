package io.inkstream.contracts.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A page's extraction: text, geometry in the original page's coordinate space, confidence 0..1 and provenance. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageResult(int page, double width, double height, String unit, int rotation, String path, String text,
        double confidence, boolean lowConfidence, List<Block> blocks, Timings timings, String hocr) {

    public static final String UNIT_PIXEL = "pixel";
    public static final String UNIT_POINT = "point";
    public static final String PATH_OCR = "ocr";
    public static final String PATH_TEXT_LAYER = "text_layer";

    /** A block of lines; bbox is [x, y, width, height]. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Block(List<Double> bbox, List<Line> lines) {
    }

    /** A line of words. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(List<Double> bbox, List<Word> words) {
    }

    /** One word with its box and confidence 0..1. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Word(String text, List<Double> bbox, double confidence) {
    }

    /** Where the page's time went, in milliseconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Timings(long decodeMs, long ocrMs, long totalMs) {
    }
}
