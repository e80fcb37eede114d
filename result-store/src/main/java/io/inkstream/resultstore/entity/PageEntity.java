package io.inkstream.resultstore.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One page's final result; {@code result} is AES-GCM ciphertext of the PageResult JSON under {@code keyId}. */
@Entity
@Table(name = "pages", schema = "result_store")
@IdClass(PageId.class)
public class PageEntity {

    @Id
    @Column(name = "document_id")
    public String documentId;
    @Id
    public int page;
    public String status;
    public byte[] result;
    @Column(name = "key_id")
    public String keyId;
    public String code;
    @Column(name = "created_at")
    public Instant createdAt;
}
