package io.inkstream.resultstore.entity;

import java.io.Serializable;
import java.util.Objects;

/** Composite key of a page result: document and page number. */
public class PageId implements Serializable {

    public String documentId;
    public int page;

    public PageId() {
    }

    public PageId(String documentId, int page) {
        this.documentId = documentId;
        this.page = page;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageId p && p.page == page && Objects.equals(p.documentId, documentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(documentId, page);
    }
}
