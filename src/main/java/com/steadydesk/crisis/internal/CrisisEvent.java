package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.CrisisStatus;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingMatrix.GradeAssessment;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A crisis event from its report to its close: type, title, what it affects, its grade with the history of grades,
 * and the lifecycle rules (only a reported crisis can be declared or dismissed, a closed one is frozen...).
 */
@Table("crises")
public class CrisisEvent {

    @Id
    private Long id;
    private CrisisType type;
    private String title;
    /** The title for English readers of the status page; the title stands in when empty. */
    private String titleEn;
    /** The title the public reads (status page, statements); the internal title may name people or suppliers. */
    private String publicTitle;
    private String description;
    private CrisisStatus status;
    private CrisisGrade grade;
    private Integer gradeScore;
    private String[] products;
    /** English names of the products, same order as {@code products}, for the English status page. */
    private String[] productsEn;
    private String[] regions;
    private String[] channels;
    private String[] keywords;
    private String reportedBy;
    private Instant reportedAt;
    private Instant occurringSince;
    private String leadUsername;
    private Instant declaredAt;
    private Instant resolvedAt;
    private Instant closedAt;
    @MappedCollection(idColumn = "crisis_id", keyColumn = "position")
    private List<GradeChange> gradeChanges = new ArrayList<>();
    @Version
    private Integer version;

    @PersistenceCreator
    CrisisEvent(Long id, CrisisType type, String title, String titleEn, String publicTitle, String description, CrisisStatus status, CrisisGrade grade,
            Integer gradeScore, String[] products, String[] productsEn, String[] regions, String[] channels, String[] keywords, String reportedBy, Instant reportedAt,
            Instant occurringSince, String leadUsername, Instant declaredAt, Instant resolvedAt, Instant closedAt,
            List<GradeChange> gradeChanges, Integer version) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.titleEn = titleEn;
        this.publicTitle = publicTitle;
        this.description = description;
        this.status = status;
        this.grade = grade;
        this.gradeScore = gradeScore;
        this.products = products == null ? new String[0] : products;
        this.productsEn = productsEn == null ? new String[0] : productsEn;
        this.regions = regions == null ? new String[0] : regions;
        this.channels = channels == null ? new String[0] : channels;
        this.keywords = keywords == null ? new String[0] : keywords;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
        this.occurringSince = occurringSince;
        this.leadUsername = leadUsername;
        this.declaredAt = declaredAt;
        this.resolvedAt = resolvedAt;
        this.closedAt = closedAt;
        this.gradeChanges = gradeChanges == null ? new ArrayList<>() : new ArrayList<>(gradeChanges);
        this.version = version;
    }

    /** A suspected crisis as reported by any agent (or a monitoring tool): what, since when. */
    public static CrisisEvent report(CrisisType type, String title, String description, Instant occurringSince, String reporter,
            Instant now) {
        String t = requireText(title, "title", 200);
        if (occurringSince != null && occurringSince.isAfter(now)) {
            throw new IllegalArgumentException("a crisis cannot start in the future");
        }
        return new CrisisEvent(null, type == null ? CrisisType.OTHER : type, t, null, null, description == null ? "" : description.strip(),
                CrisisStatus.REPORTED, null, null, null, null, null, null, null, reporter, now, occurringSince, null, null, null, null,
                null, null);
    }

    /** The lead confirms the report as a crisis with its first (computed) grade and takes the lead. */
    public void declare(CrisisType type, String title, GradeAssessment assessment, String lead, Instant now) {
        if (status != CrisisStatus.REPORTED) {
            throw new DomainRuleViolation("crisis.declare.not-reported", "only a reported crisis can be declared (it is " + status + ")");
        }
        if (type != null) {
            this.type = type;
        }
        if (title != null && !title.isBlank()) {
            this.title = requireText(title, "title", 200);
        }
        status = CrisisStatus.DECLARED;
        declaredAt = now;
        leadUsername = lead;
        applyGrade(assessment.grade(), assessment.score(), false, null, lead, now);
    }

    /** A report that turned out not to be a crisis. */
    public void dismiss(String reason, String by, Instant now) {
        if (status != CrisisStatus.REPORTED) {
            throw new DomainRuleViolation("crisis.dismiss.not-reported", "only a reported crisis can be dismissed");
        }
        requireText(reason, "reason", 2000);
        status = CrisisStatus.DISMISSED;
        closedAt = now;
    }

    /** Grades again from the matrix; answers whether the grade changed (a new score alone is kept too). */
    public boolean regrade(GradeAssessment assessment, String by, Instant now) {
        requireActive();
        CrisisGrade before = grade;
        applyGrade(assessment.grade(), assessment.score(), false, null, by, now);
        return before != grade;
    }

    /** The lead sets the grade against the matrix; the reason is mandatory and kept in the history. */
    public boolean overrideGrade(CrisisGrade newGrade, String reason, String by, Instant now) {
        requireActive();
        if (newGrade == null) {
            throw new IllegalArgumentException("a grade is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleViolation("crisis.override.reason", "overriding the grade needs a reason");
        }
        CrisisGrade before = grade;
        applyGrade(newGrade, gradeScore, true, reason.strip(), by, now);
        return before != grade;
    }

    private void applyGrade(CrisisGrade newGrade, Integer score, boolean overridden, String reason, String by, Instant now) {
        grade = newGrade;
        gradeScore = score;
        gradeChanges.add(new GradeChange(newGrade, score, overridden, reason, by, now));
    }

    /** Sets what the crisis affects, the keywords that link new tickets to it, and its English title (may be blank). */
    public void describeScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords,
            String titleEn) {
        if (status == CrisisStatus.CLOSED || status == CrisisStatus.DISMISSED) {
            throw new DomainRuleViolation("crisis.closed", "a closed crisis cannot change");
        }
        this.products = clean(products);
        this.regions = clean(regions);
        this.channels = clean(channels);
        this.keywords = clean(keywords);
        this.titleEn = titleEn == null || titleEn.isBlank() ? null : requireText(titleEn, "English title", 200);
    }

    /** The public wording: the title readers see (blank: the type's neutral wording) and English product names. */
    public void describePublicly(String publicTitle, List<String> productsEn) {
        if (status == CrisisStatus.CLOSED || status == CrisisStatus.DISMISSED) {
            throw new DomainRuleViolation("crisis.closed", "a closed crisis cannot change");
        }
        this.publicTitle = publicTitle == null || publicTitle.isBlank() ? null : requireText(publicTitle, "public title", 200);
        this.productsEn = productsEn == null ? new String[0] : productsEn.stream().map(p -> p == null ? "" : p.strip()).toArray(String[]::new);
    }

    public void changeLead(String lead) {
        requireActive();
        leadUsername = requireText(lead, "lead", 64);
    }

    /** The fault is over; follow-up (callbacks, compensation) goes on until the close. */
    public void resolve(Instant now) {
        if (status != CrisisStatus.DECLARED) {
            throw new DomainRuleViolation("crisis.resolve.not-declared", "only a declared crisis can be resolved");
        }
        status = CrisisStatus.RESOLVED;
        resolvedAt = now;
    }

    /** Ends the crisis; a crisis that was never resolved is resolved at the same time. */
    public void close(Instant now) {
        if (status != CrisisStatus.DECLARED && status != CrisisStatus.RESOLVED) {
            throw new DomainRuleViolation("crisis.close.not-declared", "only a declared or resolved crisis can be closed");
        }
        if (resolvedAt == null) {
            resolvedAt = now;
        }
        status = CrisisStatus.CLOSED;
        closedAt = now;
    }

    private void requireActive() {
        if (status != CrisisStatus.DECLARED && status != CrisisStatus.RESOLVED) {
            throw new DomainRuleViolation("crisis.not-active", "the crisis is " + status + "; declare it first");
        }
    }

    private static String[] clean(List<String> values) {
        if (values == null) {
            return new String[0];
        }
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(v.strip());
            }
        }
        return set.toArray(String[]::new);
    }

    private static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return s;
    }

    public Long getId() { return id; }
    public CrisisType getType() { return type; }
    public String getTitle() { return title; }
    public String getTitleEn() { return titleEn; }
    public String getPublicTitle() { return publicTitle; }
    public List<String> getProductsEn() { return List.of(productsEn); }
    public String getDescription() { return description; }
    public CrisisStatus getStatus() { return status; }
    public CrisisGrade getGrade() { return grade; }
    public Integer getGradeScore() { return gradeScore; }
    public List<String> getProducts() { return List.of(products); }
    public List<String> getRegions() { return List.of(regions); }
    public List<String> getChannels() { return List.of(channels); }
    public List<String> getKeywords() { return List.of(keywords); }
    public String getReportedBy() { return reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
    public Instant getOccurringSince() { return occurringSince; }
    public String getLeadUsername() { return leadUsername; }
    public Instant getDeclaredAt() { return declaredAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<GradeChange> getGradeChanges() { return List.copyOf(gradeChanges); }

    @Override
    public String toString() {
        return "CrisisEvent#" + id + Arrays.asList(type, status, grade);
    }
}
