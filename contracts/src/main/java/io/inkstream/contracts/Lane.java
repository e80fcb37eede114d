package io.inkstream.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Work lane: sync requests ride the interactive topics so they never wait behind batches. */
public enum Lane {
    @JsonProperty("interactive")
    INTERACTIVE(Topics.DOCUMENTS_INTERACTIVE, Topics.PAGES_INTERACTIVE),
    @JsonProperty("batch")
    BATCH(Topics.DOCUMENTS, Topics.PAGES);

    private final String documentsTopic;
    private final String pagesTopic;

    Lane(String documentsTopic, String pagesTopic) {
        this.documentsTopic = documentsTopic;
        this.pagesTopic = pagesTopic;
    }

    public String documentsTopic() {
        return documentsTopic;
    }

    public String pagesTopic() {
        return pagesTopic;
    }
}
