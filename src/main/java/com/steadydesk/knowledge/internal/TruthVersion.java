package com.steadydesk.knowledge.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One saved state of a source-of-truth page, as its canonical text; never changed. */
@Table("kb_truth_versions")
public class TruthVersion {

    @Id
    private Long id;
    private long pageId;
    private int number;
    private String snapshot;
    private String author;
    private Instant createdAt;

    protected TruthVersion() {
    }

    public static TruthVersion of(TruthPage page, String snapshot, String author, Instant now) {
        var v = new TruthVersion();
        v.pageId = page.getId();
        v.number = page.getCurrentVersion();
        v.snapshot = snapshot;
        v.author = author;
        v.createdAt = now;
        return v;
    }

    public Long getId() { return id; }
    public long getPageId() { return pageId; }
    public int getNumber() { return number; }
    public String getSnapshot() { return snapshot; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
