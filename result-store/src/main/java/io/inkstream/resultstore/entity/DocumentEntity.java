package io.inkstream.resultstore.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One document of a job, assembled from its page results. */
@Entity
@Table(name = "documents", schema = "result_store")
public class DocumentEntity {

    @Id
    public String id;
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "index")
    public int index;
    @Column(columnDefinition = "text")
    public String name;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "blob_ref", columnDefinition = "text")
    public String blobRef;
    public String state;
    public String code;
    @Column(columnDefinition = "text")
    public String message;
    @Column(name = "page_count")
    public Integer pageCount;
    /** Pages with a final result, ok or failed. */
    @Column(name = "pages_done")
    public int pagesDone;
    @Column(name = "pages_failed")
    public int pagesFailed;
    @Column(name = "pages_review")
    public int pagesReview;

    public boolean isFinal() {
        return States.isFinalDocument(state);
    }
}
