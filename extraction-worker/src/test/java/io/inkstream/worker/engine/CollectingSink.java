package io.inkstream.worker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.PageResult;

/** A PageSink that remembers what it heard, for assertions. */
public final class CollectingSink implements PageSink {

    public record Failure(int page, ErrorCode code, String message) {
    }

    public Integer pageCount;
    public final Map<Integer, PageResult> pages = new TreeMap<>();
    public final List<Failure> failures = new ArrayList<>();

    @Override
    public void pageCount(int count) {
        pageCount = count;
    }

    @Override
    public void page(int page, PageResult result) {
        pages.put(page, result);
    }

    @Override
    public void pageFailed(int page, ErrorCode code, String message) {
        failures.add(new Failure(page, code, message));
    }
}
