package io.inkstream.worker.engine;

import java.util.List;

import io.inkstream.contracts.message.PageResult;

/**
 * What Tesseract read on one page image: blocks with boxes mapped to the original page's units, and the clockwise
 * rotation the engine applied to read it upright.
 */
public record OcrReading(List<PageResult.Block> blocks, int rotation, long ocrMs) {
}
