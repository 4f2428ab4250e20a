package com.steadydesk.scripts.internal;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptStatus;
import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A script's current state: the working copy and which version agents see. Every content change makes a new working
 * version (kept in {@link ScriptVersion}); after approval the approved version stays visible until a newer one is
 * approved. Review rules live here: only a version in review can be approved, never by its own author.
 */
@Table("scripts")
public class Script {

    @Id
    private Long id;
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
    private String owner;
    private Long crisisId;
    private Instant expiresAt;
    private ScriptStatus status;
    private int workingVersion;
    private Integer approvedVersion;
    private String author;
    private String pinyinInitials;
    private String pinyinFull;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    private Script() {
    }

    /** A new draft, version 1, owned and authored by {@code author}. */
    public static Script draft(ScriptDraft content, String author, Instant now) {
        content.validate();
        var script = new Script();
        script.owner = author;
        script.status = ScriptStatus.DRAFT;
        script.workingVersion = 1;
        script.createdAt = now;
        script.apply(content, author, now);
        return script;
    }

    /**
     * Changes the content. Answers false (and changes nothing) when the content is the same. A change to an approved or
     * in-review script goes back to draft as a new version; the approved version stays the one agents see.
     */
    public boolean edit(ScriptDraft content, String editor, Instant now) {
        content.validate();
        if (status == ScriptStatus.RETIRED) {
            throw new DomainRuleViolation("script.retired", "a retired script cannot be changed");
        }
        if (content().equals(content)) {
            return false;
        }
        workingVersion++;
        status = ScriptStatus.DRAFT;
        apply(content, editor, now);
        return true;
    }

    public void submitForReview(String by, Instant now) {
        if (status != ScriptStatus.DRAFT) {
            throw new DomainRuleViolation("script.not-draft", "only a draft can be submitted for review (now " + status + ")");
        }
        status = ScriptStatus.IN_REVIEW;
        updatedAt = now;
    }

    /** Approves the working version; its author cannot approve it. */
    public void approve(String reviewer, Instant now) {
        if (status != ScriptStatus.IN_REVIEW) {
            throw new DomainRuleViolation("script.not-in-review", "only a script in review can be approved (now " + status + ")");
        }
        if (Objects.equals(reviewer, author)) {
            throw new DomainRuleViolation("script.self-approval", "the author of a version cannot approve it");
        }
        status = ScriptStatus.APPROVED;
        approvedVersion = workingVersion;
        updatedAt = now;
    }

    /** Sends the version in review back to its author as a draft. */
    public void reject(String reviewer, Instant now) {
        if (status != ScriptStatus.IN_REVIEW) {
            throw new DomainRuleViolation("script.not-in-review", "only a script in review can be rejected (now " + status + ")");
        }
        status = ScriptStatus.DRAFT;
        updatedAt = now;
    }

    public void retire(Instant now) {
        if (status == ScriptStatus.RETIRED) {
            throw new DomainRuleViolation("script.retired", "the script is already retired");
        }
        status = ScriptStatus.RETIRED;
        updatedAt = now;
    }

    /** The working copy as a draft record (for the editor, versions and the linter). */
    public ScriptDraft content() {
        return new ScriptDraft(title, categoryId, language, body, ContentColumns.tags(tags), audience, segment, whenToUse,
                whenNotToUse, whatToAdapt, ContentColumns.placeholders(placeholders), crisisId, expiresAt);
    }

    /** The working version as an immutable version row. */
    public ScriptVersion workingVersionRow() {
        return ScriptVersion.of(id, workingVersion, content(), author, updatedAt);
    }

    public boolean hasApprovedVersion() {
        return approvedVersion != null;
    }

    private void apply(ScriptDraft content, String editor, Instant now) {
        title = content.title();
        categoryId = content.categoryId();
        language = content.language();
        body = content.body();
        tags = ContentColumns.tags(content.tags());
        audience = content.audience();
        segment = content.segment();
        whenToUse = content.whenToUse();
        whenNotToUse = content.whenNotToUse();
        whatToAdapt = content.whatToAdapt();
        placeholders = ContentColumns.placeholders(content.placeholders());
        crisisId = content.crisisId();
        expiresAt = content.expiresAt();
        pinyinInitials = PinyinKeys.initials(title);
        pinyinFull = PinyinKeys.full(title);
        author = editor;
        updatedAt = now;
    }

    public ScriptId scriptId() {
        return new ScriptId(id);
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Long getCategoryId() { return categoryId; }
    public String getOwner() { return owner; }
    public Long getCrisisId() { return crisisId; }
    public ScriptStatus getStatus() { return status; }
    public int getWorkingVersion() { return workingVersion; }
    public Integer getApprovedVersion() { return approvedVersion; }
    public String getAuthor() { return author; }
    public Instant getUpdatedAt() { return updatedAt; }
}
