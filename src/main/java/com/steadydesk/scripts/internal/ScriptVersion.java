package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.ScriptDraft;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One saved version of a script; append-only, never changed after it is written. */
@Table("script_versions")
public class ScriptVersion {

    @Id
    private Long id;
    private Long scriptId;
    private int version;
    private String title;
    private Long categoryId;
    private String language;
    private String body;
    private String tags;
    private Audience audience;
    private String segment;
    private String whenToUse;
    private String whenNotToUse;
    private String whatToAdapt;
    private String placeholders;
    private Long crisisId;
    private Instant expiresAt;
    private String author;
    private Instant createdAt;

    private ScriptVersion() {
    }

    static ScriptVersion of(Long scriptId, int version, ScriptDraft c, String author, Instant at) {
        var v = new ScriptVersion();
        v.scriptId = scriptId;
        v.version = version;
        v.title = c.title();
        v.categoryId = c.categoryId();
        v.language = c.language();
        v.body = c.body();
        v.tags = ContentColumns.tags(c.tags());
        v.audience = c.audience();
        v.segment = c.segment();
        v.whenToUse = c.whenToUse();
        v.whenNotToUse = c.whenNotToUse();
        v.whatToAdapt = c.whatToAdapt();
        v.placeholders = ContentColumns.placeholders(c.placeholders());
        v.crisisId = c.crisisId();
        v.expiresAt = c.expiresAt();
        v.author = author;
        v.createdAt = at;
        return v;
    }

    public ScriptDraft content() {
        return new ScriptDraft(title, categoryId, language, body, ContentColumns.tags(tags), audience, segment, whenToUse,
                whenNotToUse, whatToAdapt, ContentColumns.placeholders(placeholders), crisisId, expiresAt);
    }

    public Long getScriptId() { return scriptId; }
    public int getVersion() { return version; }
    public String getAuthor() { return author; }
    public Instant getCreatedAt() { return createdAt; }
}
