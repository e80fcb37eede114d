package io.inkstream.resultstore.rest;

import java.util.List;

import io.inkstream.contracts.message.PageResult;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A document's result: status, joined text (pages separated by form feed), mean confidence and the pages. */
@RegisterForReflection
public record DocumentResultView(String documentId, String jobId, String state, String code, String message,
        Integer pageCount, String text, Double confidence, List<PageResult> pages) {
}
