package com.steadydesk.knowledge.internal;

import com.steadydesk.knowledge.SourceOfTruthContent;
import com.steadydesk.knowledge.SourceOfTruthPage;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The single internal page per crisis with the facts everyone must repeat; each save is a {@link TruthVersion}. */
@Table("kb_truth_pages")
public class TruthPage {

    @Id
    private Long id;
    private long crisisId;
    private String title;
    private String impactBusiness;
    private String impactCustomers;
    private String decisionRights;
    private String approvedLanguage;
    private Instant nextUpdateDueAt;
    private int currentVersion;
    private Instant updatedAt;
    private String updatedBy;
    @MappedCollection(idColumn = "page_id", keyColumn = "position")
    private List<TruthDecision> decisions = new ArrayList<>();
    @MappedCollection(idColumn = "page_id")
    private Set<TruthEditor> editors = new LinkedHashSet<>();
    @Version
    private Integer version;

    protected TruthPage() {
    }

    public static TruthPage open(long crisisId, String title, String by, Instant now) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a source-of-truth page needs a title");
        }
        var page = new TruthPage();
        page.crisisId = crisisId;
        page.title = title.strip();
        page.updatedAt = now;
        page.updatedBy = by;
        page.currentVersion = 1;
        return page;
    }

    /**
     * Takes the new content as the next version. {@code baseVersion} (null = unchecked) is what the editor started
     * from: two squad members saving at once must not silently drop each other's facts.
     */
    public void revise(SourceOfTruthContent content, Integer baseVersion, String by, Instant now) {
        if (baseVersion != null && baseVersion != currentVersion) {
            throw new DomainRuleViolation("truth.edit-conflict",
                    "version " + currentVersion + " was saved after version " + baseVersion + " that you edited");
        }
        impactBusiness = content.impactOnBusiness();
        impactCustomers = content.impactOnCustomers();
        decisionRights = content.decisionRights();
        approvedLanguage = content.approvedLanguage();
        nextUpdateDueAt = content.nextUpdateDueAt();
        decisions = new ArrayList<>(content.decisions().stream()
                .map(d -> new TruthDecision(d.decidedOn(), d.topic(), d.text())).toList());
        currentVersion++;
        updatedAt = now;
        updatedBy = by;
    }

    public void allowEditors(Collection<String> usernames) {
        usernames.stream().filter(u -> u != null && !u.isBlank()).map(TruthEditor::new).forEach(editors::add);
    }

    public boolean isEditor(String username) {
        return editors.contains(new TruthEditor(username));
    }

    public SourceOfTruthContent content() {
        return new SourceOfTruthContent(impactBusiness, impactCustomers, decisionRights,
                decisions.stream().map(d -> new SourceOfTruthContent.Decision(d.decidedOn(), d.topic(), d.text())).toList(),
                approvedLanguage, nextUpdateDueAt);
    }

    public SourceOfTruthPage view() {
        return new SourceOfTruthPage(id, crisisId, title, content(), currentVersion, updatedAt, updatedBy,
                editors.stream().map(TruthEditor::username).sorted().toList());
    }

    public Long getId() { return id; }
    public long getCrisisId() { return crisisId; }
    public String getTitle() { return title; }
    public int getCurrentVersion() { return currentVersion; }

    /** One row of kb_truth_decisions. */
    @Table("kb_truth_decisions")
    public record TruthDecision(LocalDate decidedOn, String topic, String text) {
    }

    /** A squad member allowed to edit this page on top of the crisis leads and supervisors. */
    @Table("kb_truth_editors")
    public record TruthEditor(String username) {
    }
}
