package com.steadydesk.scripts;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.platform.TextDiff;
import com.steadydesk.scripts.internal.JargonList;
import com.steadydesk.scripts.internal.PinyinKeys;
import com.steadydesk.scripts.internal.Script;
import com.steadydesk.scripts.internal.ScriptCatalog;
import com.steadydesk.scripts.internal.ScriptCategories;
import com.steadydesk.scripts.internal.ScriptIndexing;
import com.steadydesk.scripts.internal.ScriptReviews;
import com.steadydesk.scripts.internal.ScriptUsages;
import com.steadydesk.scripts.internal.ScriptVersion;
import com.steadydesk.scripts.internal.ScriptVersions;
import com.steadydesk.scripts.internal.Scripts;
import com.steadydesk.scripts.internal.SuggestionCandidates;
import com.steadydesk.scripts.internal.SuggestionQueries;
import com.steadydesk.scripts.internal.TopicClassifier;
import com.steadydesk.scripts.internal.lint.ContradictionRule;
import com.steadydesk.scripts.internal.lint.FactExtractor;
import com.steadydesk.scripts.internal.lint.LintSubject;
import com.steadydesk.scripts.internal.lint.LintSubject.LibraryFacts;
import com.steadydesk.scripts.internal.lint.ScriptLinter;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The script library's public face: writing and reviewing scripts, finding and suggesting them, recording their use,
 * and the commands the crisis module calls when a crisis ends. Agents (AGENT, TEMP_AGENT) only ever see approved,
 * visible versions; editors (SUPERVISOR, REVIEWER, CRISIS_LEAD) also see drafts.
 */
@Service
public class ScriptManagement {

    /** The author of the starter library's scripts (see {@link #approveStarterScript}). */
    public static final String STARTER_AUTHOR = "starter-library";

    /** Weights of the suggestion score: text similarity dominates, the rest re-ranks close calls. */
    static final double TEXT_WEIGHT = 0.55, CATEGORY_WEIGHT = 0.25, AUDIENCE_WEIGHT = 0.10, USAGE_WEIGHT = 0.10;
    private static final int CANDIDATES = 12;

    private final Scripts scripts;
    private final ScriptVersions versions;
    private final ScriptCatalog catalog;
    private final ScriptCategories categories;
    private final ScriptReviews reviews;
    private final ScriptUsages usages;
    private final JargonList jargon;
    private final ScriptLinter linter;
    private final ScriptIndexing indexing;
    private final SuggestionCandidates candidates;
    private final SearchIndex searchIndex;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScriptManagement(Scripts scripts, ScriptVersions versions, ScriptCatalog catalog, ScriptCategories categories, ScriptReviews reviews,
            ScriptUsages usages, JargonList jargon, ScriptLinter linter, ScriptIndexing indexing, SuggestionCandidates candidates, SearchIndex searchIndex,
            CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.scripts = scripts;
        this.versions = versions;
        this.catalog = catalog;
        this.categories = categories;
        this.reviews = reviews;
        this.usages = usages;
        this.jargon = jargon;
        this.linter = linter;
        this.indexing = indexing;
        this.candidates = candidates;
        this.searchIndex = searchIndex;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- writing and review ------------------------------------------------------------------------------------

    /** Saves a new draft (version 1) and lints it. */
    @Transactional
    public SaveResult create(ScriptDraft draft) {
        checkCategory(draft);
        Script script = scripts.save(Script.draft(draft, currentUser.username(), clock.instant()));
        versions.save(script.workingVersionRow());
        return new SaveResult(script.scriptId(), script.getWorkingVersion(), lint(script.getId(), script.content()));
    }

    /** Saves a change as a new version; a change to an approved script needs a new review before agents see it. */
    @Transactional
    public SaveResult update(ScriptId id, ScriptDraft draft) {
        checkCategory(draft);
        Script script = load(id);
        if (script.edit(draft, currentUser.username(), clock.instant())) {
            scripts.save(script);
            versions.save(script.workingVersionRow());
        }
        return new SaveResult(id, script.getWorkingVersion(), lint(script.getId(), script.content()));
    }

    @Transactional
    public void submitForReview(ScriptId id) {
        Script script = load(id);
        script.submitForReview(currentUser.username(), clock.instant());
        scripts.save(script);
        reviews.record(id.value(), script.getWorkingVersion(), "submitted", currentUser.username(), null, clock.instant());
    }

    /**
     * The signed-in reviewer approves the version in review (not one's own, not one with lint errors); agents see it
     * from now on. The approver is always the authenticated user: nobody approves in another person's name.
     */
    @Transactional
    public void approve(ScriptId id, String comment) {
        if (!currentUser.hasRole(Role.REVIEWER) && !currentUser.hasRole(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only a signed-in reviewer approves scripts");
        }
        approveAs(id, currentUser.username(), comment);
    }

    /**
     * The starter library approves its own first versions as "system" when the application seeds it (no person is
     * signed in then); any other script, or a later version, needs {@link #approve} by a reviewer.
     */
    @Transactional
    public void approveStarterScript(ScriptId id) {
        Script script = load(id);
        if (!STARTER_AUTHOR.equals(script.getAuthor()) || script.getWorkingVersion() != 1) {
            throw new DomainRuleViolation("script.not-starter", "only the starter library's first versions are approved by the system");
        }
        approveAs(id, "system", "starter library");
    }

    private void approveAs(ScriptId id, String reviewer, String comment) {
        Script script = load(id);
        if (lint(script.getId(), script.content()).stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            throw new DomainRuleViolation("script.lint-errors", "the script has quality errors; fix them before approval");
        }
        script.approve(reviewer, clock.instant());
        scripts.save(script);
        reviews.record(id.value(), script.getWorkingVersion(), "approved", reviewer, comment, clock.instant());
        catalog.replaceFacts(id.value(), FactExtractor.extract(script.content().body(), categories.rootCode(script.getCategoryId())));
        audit.recordAs(reviewer, "script.approved", "script:" + id.value() + " v" + script.getWorkingVersion(), comment);
        candidates.changed(id.value());
        events.publishEvent(new ScriptApproved(id, script.getWorkingVersion(), reviewer));
    }

    @Transactional
    public void reject(ScriptId id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a comment for the author");
        }
        Script script = load(id);
        script.reject(currentUser.username(), clock.instant());
        scripts.save(script);
        reviews.record(id.value(), script.getWorkingVersion(), "rejected", currentUser.username(), comment, clock.instant());
        audit.record("script.rejected", "script:" + id.value() + " v" + script.getWorkingVersion(), comment);
    }

    @Transactional
    public void retire(ScriptId id, String reason) {
        Script script = load(id);
        script.retire(clock.instant());
        scripts.save(script);
        catalog.replaceFacts(id.value(), List.of());
        reviews.record(id.value(), script.getWorkingVersion(), "retired", currentUser.username(), reason, clock.instant());
        audit.record("script.retired", "script:" + id.value(), reason);
        candidates.changed(id.value());
        events.publishEvent(new ScriptRetired(id, currentUser.username()));
    }

    /**
     * Keeps a crisis-only or expired script as general wording: a new draft without crisis and expiry, which needs
     * review like any change. The old version stays hidden meanwhile.
     */
    @Transactional
    public SaveResult keep(ScriptId id) {
        Script script = load(id);
        ScriptDraft c = script.content();
        SaveResult result = update(id, new ScriptDraft(c.title(), c.categoryId(), c.language(), c.body(), c.tags(), c.audience(), c.segment(),
                c.whenToUse(), c.whenNotToUse(), c.whatToAdapt(), c.placeholders(), null, null));
        reviews.record(id.value(), result.version(), "kept", currentUser.username(), null, clock.instant());
        audit.record("script.kept", "script:" + id.value(), "detached from crisis/expiry; needs review");
        return result;
    }

    // ---- crisis commands (called by the crisis module) -------------------------------------------------------------

    /** The crisis is over: its scripts disappear from agents' view at once and are listed for clean-up. */
    @Transactional
    public void crisisClosed(long crisisId) {
        catalog.markCrisisClosed(crisisId);
        candidates.crisisClosed();
        scripts.findByCrisisId(crisisId).forEach(s -> indexing.refresh(s.getId()));
        audit.record("script.crisis-closed", "crisis:" + crisisId, null);
    }

    /** Retires every script of the crisis that is not retired yet; answers how many. */
    @Transactional
    public int retireCrisisScripts(long crisisId) {
        int n = 0;
        for (Script s : scripts.findByCrisisId(crisisId)) {
            if (s.getStatus() != ScriptStatus.RETIRED) {
                retire(s.scriptId(), "crisis " + crisisId + " ended");
                n++;
            }
        }
        return n;
    }

    /** The scripts written for this crisis, whatever their status, oldest first (the crisis's clean-up checklist lists them). */
    public List<ScriptSummary> ofCrisis(long crisisId) {
        List<Long> ids = scripts.findByCrisisId(crisisId).stream().map(Script::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ScriptSummary> list = new java.util.ArrayList<>(catalog.list(true, catalogFilter(null, ids), null, ids.size()).stream()
                .map(this::summary).toList());
        java.util.Collections.reverse(list);
        return list;
    }

    /** Approved scripts hidden by expiry or a closed crisis, waiting for "retire" or "keep". */
    public List<ScriptSummary> cleanupCandidates() {
        return catalog.cleanupCandidates().stream().map(this::summary).toList();
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    /** Whether the current user may see drafts (editors) or only approved versions (agents). */
    public boolean currentUserIsEditor() {
        return currentUser.hasRole(Role.SUPERVISOR) || currentUser.hasRole(Role.REVIEWER) || currentUser.hasRole(Role.CRISIS_LEAD);
    }

    /** The script as the current user may see it: editors the working copy, agents the approved version (404 otherwise). */
    public ScriptView view(ScriptId id) {
        Script script = load(id);
        if (currentUserIsEditor()) {
            boolean visible = catalog.isVisible(id.value());
            return new ScriptView(id, script.getStatus(), script.getWorkingVersion(), script.getApprovedVersion(), script.content(),
                    categories.rootCode(script.getCategoryId()), script.getOwner(), script.getAuthor(), script.getUpdatedAt(), visible);
        }
        if (!catalog.isVisible(id.value())) {
            throw new NotFoundException("script", id.value());
        }
        ScriptVersion approved = versions.findByScriptIdAndVersion(id.value(), script.getApprovedVersion()).orElseThrow();
        return new ScriptView(id, ScriptStatus.APPROVED, approved.getVersion(), script.getApprovedVersion(), approved.content(),
                categories.rootCode(approved.content().categoryId()), script.getOwner(), approved.getAuthor(), approved.getCreatedAt(), true);
    }

    /** One page of the library for the current user, newest first. */
    public Keyset<ScriptSummary> list(LibraryFilter filter, String cursor, int limit) {
        List<ScriptCatalog.Row> rows = catalog.list(currentUserIsEditor(), catalogFilter(filter, null),
                cursor == null || cursor.isBlank() ? null : Long.parseLong(cursor), limit + 1);
        List<ScriptSummary> page = rows.stream().limit(limit).map(this::summary).toList();
        return new Keyset<>(page, rows.size() > limit ? String.valueOf(page.get(page.size() - 1).id().value()) : null);
    }

    /**
     * Finds scripts by words (Chinese or English, through the search index), by pinyin initials or full pinyin of the
     * title ("tkjd" → 退款进度), within the filter. Editors also find drafts by plain text.
     */
    public List<ScriptSummary> search(String text, LibraryFilter filter, int limit) {
        return search(text, filter, limit, currentUserIsEditor());
    }

    /** Like {@link #search} but approved, visible scripts only, whoever asks (the reply box never offers drafts). */
    public List<ScriptSummary> searchApproved(String text, int limit) {
        return search(text, null, limit, false);
    }

    private List<ScriptSummary> search(String text, LibraryFilter filter, int limit, boolean editor) {
        if (text == null || text.isBlank()) {
            return catalog.list(editor, catalogFilter(filter, null), null, limit).stream().map(this::summary).toList();
        }
        var ids = new LinkedHashSet<Long>();
        if (PinyinKeys.looksLikePinyin(text)) {
            ids.addAll(catalog.idsByPinyin(text, limit));
        }
        boolean answeredByPinyin = !ids.isEmpty(); // "tkjd" found 退款进度: not a question without an answer
        searchIndex.search(new SearchQuery(text, Set.of(ScriptIndexing.KIND), Map.of("status", "approved"), false, limit * 2), answeredByPinyin)
                .forEach(h -> ids.add(Long.parseLong(h.id())));
        if (editor) {
            ids.addAll(catalog.idsByText(text, limit));
        }
        List<Long> order = List.copyOf(ids);
        List<ScriptCatalog.Row> rows = catalog.list(editor, catalogFilter(filter, ids), null, limit * 3);
        return rows.stream().sorted(Comparator.comparingInt(r -> order.indexOf(r.id().value()))).limit(limit).map(this::summary).toList();
    }

    /**
     * The best approved scripts for a customer's message: text similarity from the search index, re-ranked by the
     * message's category, the audience (VIP scripts for VIPs; VIP-only scripts never for others) and past use on
     * tickets of the same kind. Snippets are not suggested (they are offered separately).
     */
    public List<Suggestion> suggestions(SuggestionRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            return List.of();
        }
        Map<Long, Float> raw = new java.util.LinkedHashMap<>();
        // a script matching several of the message's queries collects their scores; the bare topic keywords weigh half,
        // so that "apricot refund" beats every other refund script
        for (SuggestionQueries.Query query : SuggestionQueries.of(request.text())) {
            for (SearchHit h : searchIndex.rank(new SearchQuery(query.text(), Set.of(ScriptIndexing.KIND), Map.of("status", "approved"), false,
                    CANDIDATES))) {
                raw.merge(Long.parseLong(h.id()), h.score() * query.weight(), Float::sum);
            }
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        float maxScore = raw.values().stream().max(Float::compare).orElse(1f);
        Map<Long, Float> textScores = new java.util.LinkedHashMap<>();
        raw.forEach((id, score) -> textScores.put(id, score / (maxScore <= 0 ? 1 : maxScore)));
        String topic = TopicClassifier.classify(request.text());
        List<SuggestionCandidates.Candidate> rows = candidates.visible(textScores.keySet());
        Map<Long, Long> used = candidates.usageCounts(textScores.keySet(), topic);
        double maxUsed = Math.log1p(used.values().stream().mapToLong(Long::longValue).max().orElse(0));
        var suggestions = new ArrayList<Suggestion>();
        for (SuggestionCandidates.Candidate row : rows) {
            String root = categories.rootCode(row.categoryId());
            if ("snippets".equals(root)) {
                continue;
            }
            double audience;
            if (row.audience() == Audience.VIP) {
                if (!request.vip()) {
                    continue;
                }
                audience = 1;
            } else if (row.audience() == Audience.SEGMENT) {
                if (request.segment() == null || !request.segment().equalsIgnoreCase(row.segment())) {
                    continue;
                }
                audience = 1;
            } else {
                audience = 0;
            }
            double text = textScores.get(row.id().value());
            double category = topic != null && topic.equals(root) ? 1 : 0;
            double usage = maxUsed == 0 ? 0 : Math.log1p(used.getOrDefault(row.id().value(), 0L)) / maxUsed;
            double score = TEXT_WEIGHT * text + CATEGORY_WEIGHT * category + AUDIENCE_WEIGHT * audience + USAGE_WEIGHT * usage;
            suggestions.add(new Suggestion(row.id(), row.title(), root, row.language(), row.body(), row.placeholders(), round(score),
                    round(text), category, audience, round(usage)));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        return suggestions.stream().limit(request.limitOrDefault()).toList();
    }

    /** Approved, visible snippets (greeting, empathy, next steps, sign-off) by sub-category code, for the composer. */
    public Map<String, List<ScriptSummary>> snippets() {
        ScriptCategory root = categories.findByCodeOrName("snippets").orElseThrow();
        Map<String, List<ScriptSummary>> byCategory = new java.util.LinkedHashMap<>();
        List<ScriptCatalog.Row> rows = catalog.list(false, new ScriptCatalog.Filter(categories.withChildren(root.id()), null, null, null, null), null, 200);
        categories.tree().stream().filter(c -> c.parentId() != null && c.parentId() == root.id()).forEach(c -> byCategory.put(c.code(),
                rows.stream().filter(r -> r.categoryId() == c.id()).map(this::summary).toList()));
        return byCategory;
    }

    /**
     * The versions of a script. Agents (temporary ones too) see only versions that were approved: the title and author
     * of a draft or a rejected version are the editors' business (issue 10.7).
     */
    public List<VersionInfo> versions(ScriptId id) {
        requireEditorOrVisible(id);
        boolean editor = currentUserIsEditor();
        Set<Integer> approved = editor ? Set.of() : approvedVersions(id);
        return versions.findByScriptIdOrderByVersionDesc(id.value()).stream()
                .filter(v -> editor || approved.contains(v.getVersion()))
                .map(v -> new VersionInfo(v.getVersion(), v.content().title(), v.getAuthor(), v.getCreatedAt())).toList();
    }

    private Set<Integer> approvedVersions(ScriptId id) {
        Set<Integer> approved = new java.util.HashSet<>();
        reviews.of(id.value()).stream().filter(d -> "approved".equals(d.decision())).forEach(d -> approved.add(d.version()));
        Integer current = load(id).getApprovedVersion();
        if (current != null) {
            approved.add(current);
        }
        return approved;
    }

    /** The diff between two versions of a script as HTML (title, body, guidance), with {@code <ins>}/{@code <del>}. */
    public String diff(ScriptId id, int from, int to) {
        if (!currentUserIsEditor()) {
            throw new NotFoundException("script", id.value());
        }
        ScriptDraft a = versions.findByScriptIdAndVersion(id.value(), from).orElseThrow(() -> new NotFoundException("version", from)).content();
        ScriptDraft b = versions.findByScriptIdAndVersion(id.value(), to).orElseThrow(() -> new NotFoundException("version", to)).content();
        return TextDiff.inlineHtml(comparable(a), comparable(b));
    }

    /** Review decisions; agents see only the approvals of versions they may see. */
    public List<ReviewDecision> reviews(ScriptId id) {
        boolean editor = currentUserIsEditor();
        return reviews.of(id.value()).stream().filter(d -> editor || "approved".equals(d.decision()))
                .map(d -> new ReviewDecision(d.version(), d.decision(), d.actor(), d.comment(), d.at())).toList();
    }

    /** Scripts waiting for a reviewer, oldest first. */
    public List<ScriptSummary> reviewQueue() {
        return catalog.list(true, new ScriptCatalog.Filter(null, null, null, ScriptStatus.IN_REVIEW, null), null, 500).stream()
                .sorted(Comparator.comparing(ScriptCatalog.Row::updatedAt)).map(this::summary).toList();
    }

    /** Lint findings of the script's working copy (editors) — the same check that runs on save and on review. */
    public List<LintFinding> lint(ScriptId id) {
        Script script = load(id);
        return lint(script.getId(), script.content());
    }

    /** Lint findings of a draft not saved yet (live check in the editor). */
    public List<LintFinding> lint(ScriptDraft draft) {
        return lint(null, draft);
    }

    /** Pairs of approved scripts that state different numbers for the same fact (refund in 3-5 working days vs 7 days). */
    public List<Contradiction> contradictions() {
        List<LibraryFacts> library = catalog.libraryFacts();
        var found = new ArrayList<Contradiction>();
        for (int i = 0; i < library.size(); i++) {
            Map<String, Set<String>> a = ContradictionRule.byKey(library.get(i).facts());
            for (int j = i + 1; j < library.size(); j++) {
                Map<String, Set<String>> b = ContradictionRule.byKey(library.get(j).facts());
                for (var entry : a.entrySet()) {
                    if (ContradictionRule.conflict(entry.getValue(), b.get(entry.getKey()))) {
                        found.add(new Contradiction(entry.getKey(), new ScriptId(library.get(i).scriptId()), library.get(i).title(),
                                String.join(", ", entry.getValue()), new ScriptId(library.get(j).scriptId()), library.get(j).title(),
                                String.join(", ", b.get(entry.getKey()))));
                    }
                }
            }
        }
        return found;
    }

    // ---- use in replies --------------------------------------------------------------------------------------------

    /**
     * Records that the current agent put the script into a reply on a ticket; only an approved, visible script can be
     * used. {@code customerText} (optional) tells what kind of ticket it was, for ranking future suggestions.
     */
    @Transactional
    public void recordUse(ScriptId id, Long ticketId, String customerText) {
        Script script = load(id);
        if (!catalog.isVisible(id.value())) {
            throw new DomainRuleViolation("script.not-usable", "only an approved script can be used in a reply");
        }
        usages.record(id.value(), script.getApprovedVersion(), ticketId, currentUser.username(), TopicClassifier.classify(customerText), clock.instant());
        candidates.used(id.value());
        events.publishEvent(new ScriptUsed(id, ticketId, currentUser.username()));
    }

    /** Times used, by whom, and the tickets (satisfaction per ticket is joined by the insights module from these ids). */
    public UsageReport usage(ScriptId id) {
        requireEditorOrVisible(id);
        Map<String, Long> byUser = new java.util.LinkedHashMap<>();
        usages.byUser(id.value()).forEach(u -> byUser.put(u.username(), u.count()));
        return new UsageReport(usages.count(id.value()), byUser, usages.tickets(id.value(), 200));
    }

    /**
     * Names of the placeholders in a reply text that nobody will fill (typed ones left, or automatic ones not meant for
     * replies); the inbox refuses to send while this is not empty. Automatic reply placeholders are filled on sending.
     */
    public List<String> unfilledPlaceholders(String text) {
        return PlaceholderCatalogue.refusedIn(text, PlaceholderCatalogue.Use.TICKET_REPLY, false);
    }

    /** Fills the automatic and typed values into a script body; placeholders without a value stay as written. */
    public String fill(String body, Map<String, String> values) {
        return PlaceholderText.fill(body, values);
    }

    public List<ScriptCategory> categories() {
        return categories.tree();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private List<LintFinding> lint(Long scriptId, ScriptDraft draft) {
        // the editor lints while the author types, before a category is chosen: the category rules then wait
        String root = draft.categoryId() == null ? null : categories.rootCode(draft.categoryId());
        return linter.lint(new LintSubject(scriptId, draft, root, jargon.all(), catalog.libraryFacts()));
    }

    private void requireEditorOrVisible(ScriptId id) {
        if (!currentUserIsEditor() && !catalog.isVisible(id.value())) {
            throw new NotFoundException("script", id.value());
        }
    }

    private void checkCategory(ScriptDraft draft) {
        draft.validate();
        if (categories.find(draft.categoryId()).isEmpty()) {
            throw new IllegalArgumentException("unknown category " + draft.categoryId());
        }
    }

    private Script load(ScriptId id) {
        return scripts.findById(id.value()).orElseThrow(() -> new NotFoundException("script", id.value()));
    }

    private ScriptCatalog.Filter catalogFilter(LibraryFilter filter, java.util.Collection<Long> ids) {
        LibraryFilter f = filter == null ? new LibraryFilter(null, null, null, null) : filter;
        return new ScriptCatalog.Filter(f.categoryId() == null ? null : categories.withChildren(f.categoryId()), f.tag(), f.language(),
                f.status(), ids);
    }

    private ScriptSummary summary(ScriptCatalog.Row r) {
        return new ScriptSummary(r.id(), r.title(), r.categoryId(), r.language(), r.tags(), r.audience(), r.status(), r.approvedVersion(),
                r.workingVersion(), r.owner(), r.updatedAt(), r.crisisId(), r.expiresAt(), r.excerpt(), r.body(), r.placeholders());
    }

    private static String comparable(ScriptDraft d) {
        return "# " + d.title() + "\n\n" + d.body() + "\n\n---\n" + nullToEmpty(d.whenToUse()) + "\n" + nullToEmpty(d.whenNotToUse()) + "\n"
                + nullToEmpty(d.whatToAdapt()) + "\n" + String.join(", ", d.tags());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    // ---- API records -----------------------------------------------------------------------------------------------

    /** Result of a save: the version written and the linter's findings. */
    public record SaveResult(ScriptId id, int version, List<LintFinding> findings) {
    }

    /** A script as shown on its page; {@code visibleToAgents} tells whether agents currently see its approved version. */
    public record ScriptView(ScriptId id, ScriptStatus status, int version, Integer approvedVersion, ScriptDraft content, String rootCategory,
            String owner, String author, Instant updatedAt, boolean visibleToAgents) {
    }

    /** A row of a library list. */
    public record ScriptSummary(ScriptId id, String title, long categoryId, String language, List<String> tags, Audience audience,
            ScriptStatus status, Integer approvedVersion, int workingVersion, String owner, Instant updatedAt, Long crisisId,
            Instant expiresAt, String excerpt, String body, List<Placeholder> placeholders) {
    }

    /** Library filters; null means any. {@code status} only narrows editors' lists. */
    public record LibraryFilter(Long categoryId, String tag, String language, ScriptStatus status) {
    }

    /** What to suggest for: the customer's latest message, whether the customer is VIP, an optional segment. */
    public record SuggestionRequest(String text, boolean vip, String segment, Integer limit) {

        int limitOrDefault() {
            return limit == null || limit <= 0 ? 5 : Math.min(limit, 20);
        }
    }

    /** A suggested script with its score and the score's components (each 0..1). */
    public record Suggestion(ScriptId id, String title, String category, String language, String body, List<Placeholder> placeholders,
            double score, double textScore,
            double categoryScore, double audienceScore, double usageScore) {
    }

    /** One saved version. */
    public record VersionInfo(int version, String title, String author, Instant createdAt) {
    }

    /** One review decision. */
    public record ReviewDecision(int version, String decision, String actor, String comment, Instant at) {
    }

    /** Two approved scripts that disagree on a fact ({@code key} is topic/dimension, e.g. refund/duration). */
    public record Contradiction(String key, ScriptId first, String firstTitle, String firstValues, ScriptId second, String secondTitle,
            String secondValues) {
    }

    /** How a script is used. */
    public record UsageReport(long timesUsed, Map<String, Long> byUser, List<Long> ticketIds) {
    }
}
