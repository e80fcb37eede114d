package io.inkstream.worker.engine;

import io.inkstream.contracts.ErrorCode;
import io.inkstream.contracts.message.PageResult;

/**
 * Receives a document's pages as they finish. pageCount comes first; then every page gets exactly one page or
 * pageFailed call. Exceptions thrown by a sink (e.g. publishing failed) abort the document.
 */
public interface PageSink {

    void pageCount(int count);

    void page(int page, PageResult result);

    void pageFailed(int page, ErrorCode code, String message);

    /** Checked before each page; false (e.g. the job was cancelled) stops the document without further calls. */
    default boolean wantsMore() {
        return true;
    }
}
