package io.inkstream.resultstore.rest;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Usage of a tenant per day, type and live/test. */
@RegisterForReflection
public record UsageView(List<Entry> usage) {

    /** One counter row. */
    @RegisterForReflection
    public record Entry(LocalDate day, String type, boolean test, long documents, long pages) {
    }
}
