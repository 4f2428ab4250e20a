package com.steadydesk.crisis;

import com.steadydesk.crisis.GradingMatrix.GradeAssessment;
import com.steadydesk.crisis.internal.CrisisEvent;
import com.steadydesk.crisis.internal.CrisisEvents;
import com.steadydesk.crisis.internal.GradingSettings;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.knowledge.SourceOfTruthManagement;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.platform.ReadThroughCache;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crisis module's public face: report a suspected crisis, declare and grade it (from the tunable grading matrix,
 * or overridden with a reason), describe its scope, link tickets, resolve and close it. Declaring starts the playbook
 * and tells the reporting chain; every step lands on the timeline.
 */
@Service
public class CrisisManagement {

    /** Source of a linked ticket. */
    public static final String FROM_REPORT = "REPORT", BY_HAND = "MANUAL", FROM_SEARCH = "SEARCH", BY_KEYWORD = "KEYWORD";

    private final CrisisEvents crises;
    private final GradingSettings grading;
    private final CrisisTimeline timeline;
    private final ReportingChain chain;
    private final PlaybookManagement playbooks;
    private final TicketManagement tickets;
    private final SourceOfTruthManagement sourceOfTruth;
    private final CrisisCleanup cleanup;
    private final StatusPage statusPage;
    private final CrisisStaffNotices staff;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private static final String DECLARED_WITH_KEYWORDS = "declared-with-keywords";
    private final ReadThroughCache<String, List<CrisisDetails>> keywordCrises;
    private final ZoneId zone;

    CrisisManagement(CrisisEvents crises, GradingSettings grading, CrisisTimeline timeline, ReportingChain chain,
            PlaybookManagement playbooks, TicketManagement tickets, SourceOfTruthManagement sourceOfTruth, CrisisCleanup cleanup,
            StatusPage statusPage, JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone, CrisisStaffNotices staff) {
        this.staff = staff;
        this.crises = crises;
        this.grading = grading;
        this.timeline = timeline;
        this.chain = chain;
        this.playbooks = playbooks;
        this.tickets = tickets;
        this.sourceOfTruth = sourceOfTruth;
        this.cleanup = cleanup;
        this.statusPage = statusPage;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        // Read on every ticket opened (keyword auto-link); another node's change is seen within the maximum age.
        this.keywordCrises = new ReadThroughCache<>(keys -> Map.of(DECLARED_WITH_KEYWORDS,
                open().stream().filter(c -> c.status() == CrisisStatus.DECLARED && !c.keywords().isEmpty()).toList()),
                Duration.ofSeconds(5), 1);
    }

    // ---- report, declare, grade ------------------------------------------------------------------------------------

    /** Any agent (or a monitoring tool) reports a suspected crisis; the chain's first level is told at once. */
    @Transactional
    public CrisisId report(NewCrisisReport report) {
        Instant now = Instant.now(clock);
        String by = currentUser.username();
        CrisisEvent crisis = store(CrisisEvent.report(report.type(), report.title(), report.description(), report.occurringSince(),
                by, now));
        CrisisId id = new CrisisId(crisis.getId());
        timeline.appendAs(by, id, "REPORTED", crisis.getTitle() + " [" + crisis.getType() + "]"
                + (crisis.getDescription().isEmpty() ? "" : ": " + crisis.getDescription()),
                CrisisTimeline.Caption.of("crisis.timeline.text.reported", crisis.getTitle(), "@crisis.type." + crisis.getType(), crisis.getDescription()));
        if (!report.exampleTicketIds().isEmpty()) {
            linkTickets(id, report.exampleTicketIds().stream().map(TicketId::new).toList(), FROM_REPORT);
        }
        chain.notifyFirstLevel(id, CrisisGrade.MINOR);
        events.publishEvent(new CrisisReported(id));
        return id;
    }

    /**
     * The lead declares the report a crisis: the grade is computed from the matrix, the lead is the current user,
     * the playbook for type and grade starts, the chain of the grade is told, and the source-of-truth page opens.
     */
    @Transactional
    public CrisisDetails declare(CrisisId id, CrisisType type, String title, GradingFactors factors) {
        CrisisEvent crisis = load(id);
        Instant now = Instant.now(clock);
        String by = currentUser.username();
        GradeAssessment assessment = grading.load().assess(factors == null ? GradingFactors.none() : factors);
        crisis.declare(type, title, assessment, by, now);
        store(crisis);
        timeline.appendAs(by, id, "DECLARED", "declared " + crisis.getType() + " \"" + crisis.getTitle() + "\", lead " + by,
                CrisisTimeline.Caption.of("crisis.timeline.text.declared", "@crisis.type." + crisis.getType(), crisis.getTitle(), by));
        timeline.appendAs(by, id, "GRADED", "grade " + assessment.grade() + " (score " + assessment.score() + ", levels "
                + assessment.levels() + ")", CrisisTimeline.Caption.of("crisis.timeline.text.graded", "@crisis.grade." + assessment.grade(), assessment.score()));
        audit.record("crisis.declared", "crisis " + id.value(), crisis.getType() + " " + assessment.grade());
        playbooks.start(id, crisis.getType(), crisis.getGrade(), now, by);
        if (crisis.getGrade() != CrisisGrade.MINOR) {
            chain.notifyFirstLevelGradedBy(id, crisis.getGrade(), by);
        }
        sourceOfTruth.openFor(id.value(), crisis.getTitle());
        staff.tellReporter(id, crisis.getReportedBy(), "declared", crisis.getTitle(), "crisis.grade.", crisis.getGrade().name());
        events.publishEvent(new CrisisDeclared(id));
        events.publishEvent(new CrisisGraded(id, null, crisis.getGrade()));
        return find(id);
    }

    /** A monitoring tool or the lead opens a crisis directly: a report declared at once. */
    @Transactional
    public CrisisDetails reportAndDeclare(NewCrisisReport report, GradingFactors factors) {
        CrisisId id = report(report);
        return declare(id, null, null, factors);
    }

    /** Grades again from new factors; a higher grade tells its chain and adds the steps of a stronger playbook. */
    @Transactional
    public GradeAssessment regrade(CrisisId id, GradingFactors factors) {
        CrisisEvent crisis = load(id);
        GradeAssessment assessment = grading.load().assess(factors);
        CrisisGrade before = crisis.getGrade();
        boolean changed = crisis.regrade(assessment, currentUser.username(), Instant.now(clock));
        store(crisis);
        timeline.append(id, "GRADED", "grade " + before + " → " + assessment.grade() + " (score " + assessment.score() + ", levels "
                + assessment.levels() + ")", CrisisTimeline.Caption.of("crisis.timeline.text.regraded", before == null ? "-" : "@crisis.grade." + before,
                "@crisis.grade." + assessment.grade(), assessment.score()));
        audit.record("crisis.graded", "crisis " + id.value(), before + " -> " + assessment.grade());
        if (changed) {
            gradeChanged(crisis, before);
        }
        return assessment;
    }

    /** The lead sets the grade against the matrix, with a reason that stays in the grade history. */
    @Transactional
    public CrisisDetails overrideGrade(CrisisId id, CrisisGrade grade, String reason) {
        CrisisEvent crisis = load(id);
        CrisisGrade before = crisis.getGrade();
        boolean changed = crisis.overrideGrade(grade, reason, currentUser.username(), Instant.now(clock));
        store(crisis);
        timeline.append(id, "GRADE_OVERRIDDEN", "grade " + before + " → " + grade + " overridden: " + reason.strip(),
                CrisisTimeline.Caption.of("crisis.timeline.text.overridden", before == null ? "-" : "@crisis.grade." + before, "@crisis.grade." + grade, reason.strip()));
        audit.record("crisis.grade-overridden", "crisis " + id.value(), before + " -> " + grade + ": " + reason.strip());
        if (changed) {
            gradeChanged(crisis, before);
        }
        return find(id);
    }

    private void gradeChanged(CrisisEvent crisis, CrisisGrade before) {
        CrisisId id = new CrisisId(crisis.getId());
        if (before == null || crisis.getGrade().compareTo(before) > 0) {
            chain.notifyFirstLevelGradedBy(id, crisis.getGrade(), currentUser.username());
            playbooks.start(id, crisis.getType(), crisis.getGrade(), crisis.getDeclaredAt(), currentUser.username());
        }
        events.publishEvent(new CrisisGraded(id, before, crisis.getGrade()));
        staff.tellReporter(id, crisis.getReportedBy(), "graded", crisis.getTitle(), "crisis.grade.", crisis.getGrade().name());
    }

    /** What the matrix would answer for these factors (the grading form's live preview). */
    public GradeAssessment assess(GradingFactors factors) {
        return grading.load().assess(factors);
    }

    public GradingMatrix gradingMatrix() {
        return grading.load();
    }

    /** Admins tune weights and thresholds; crises already graded keep their grade until regraded. */
    @Transactional
    public void updateGradingMatrix(GradingMatrix matrix) {
        GradingMatrix before = grading.load();
        grading.save(matrix);
        audit.record("crisis.grading-matrix.updated", "grading matrix", before + " -> " + matrix);
    }

    @Transactional
    public void dismiss(CrisisId id, String reason) {
        CrisisEvent crisis = load(id);
        crisis.dismiss(reason, currentUser.username(), Instant.now(clock));
        store(crisis);
        timeline.append(id, "DISMISSED", "dismissed: " + reason.strip(), CrisisTimeline.Caption.of("crisis.timeline.text.dismissed", reason.strip()));
        staff.tellReporter(id, crisis.getReportedBy(), "dismissed", crisis.getTitle(), null, reason.strip());
        audit.record("crisis.dismissed", "crisis " + id.value(), reason.strip());
    }

    @Transactional
    public CrisisDetails describeScope(CrisisId id, CrisisScope scope) {
        CrisisEvent crisis = load(id);
        crisis.describeScope(scope.products(), scope.regions(), scope.channels(), scope.keywords(), scope.titleEn());
        if (scope.publicWording()) {
            crisis.describePublicly(scope.publicTitle(), scope.productsEn());
        }
        store(crisis);
        timeline.append(id, "DECISION", "scope: products " + crisis.getProducts() + ", regions " + crisis.getRegions() + ", channels "
                + crisis.getChannels() + ", keywords " + crisis.getKeywords(), CrisisTimeline.Caption.of("crisis.timeline.text.scope",
                String.join("、", crisis.getProducts()), String.join("、", crisis.getRegions()), String.join("、", crisis.getChannels()),
                String.join("、", crisis.getKeywords())));
        return find(id);
    }

    @Transactional
    public void changeLead(CrisisId id, String lead) {
        CrisisEvent crisis = load(id);
        crisis.changeLead(lead);
        store(crisis);
        timeline.append(id, "DECISION", "lead handed to " + crisis.getLeadUsername());
        audit.record("crisis.lead-changed", "crisis " + id.value(), crisis.getLeadUsername());
    }

    @Transactional
    public void resolve(CrisisId id) {
        CrisisEvent crisis = load(id);
        crisis.resolve(Instant.now(clock));
        store(crisis);
        timeline.append(id, "RESOLVED", "the crisis is resolved; follow-up continues", CrisisTimeline.Caption.of("crisis.timeline.text.resolved"));
        audit.record("crisis.resolved", "crisis " + id.value(), null);
    }

    /**
     * Closes the crisis and writes its clean-up checklist; listeners of {@link CrisisClosed} remove its notices in the
     * lower modules. Keyword auto-linking stops with the close (only declared crises link by keyword).
     */
    @Transactional
    public void close(CrisisId id) {
        closeNow(id);
    }

    /**
     * Closes the crisis the way the cockpit does, keeping the public page honest: when the public has been told about
     * it and the last word was not "resolved", the resolution statement ({@link StatusPage#defaultDraft} words it) is
     * published first, and without one the close is refused. A crisis never made public may close without a statement.
     */
    @Transactional
    public void closeWithStatement(CrisisId id, String statementZh, String statementEn) {
        List<PublicUpdate> updates = statusPage.updates(id);
        boolean publicStillOpen = !updates.isEmpty() && !"RESOLVED".equals(updates.get(0).phase());
        boolean hasStatement = statementZh != null && !statementZh.isBlank();
        if (publicStillOpen && !hasStatement) {
            throw new DomainRuleViolation("crisis.close.statement-required",
                    "the status page still shows the crisis as ongoing; publish a resolution statement with the close");
        }
        if (hasStatement) {
            statusPage.publish(id, new StatusPage.UpdateDraft("RESOLVED", statementZh, statementEn, null));
        }
        closeNow(id);
    }

    private void closeNow(CrisisId id) {
        CrisisEvent crisis = load(id);
        crisis.close(Instant.now(clock));
        store(crisis);
        timeline.append(id, "CLOSED", "the crisis is closed", CrisisTimeline.Caption.of("crisis.timeline.text.closed"));
        cleanup.prepare(id);
        audit.record("crisis.closed", "crisis " + id.value(), null);
        events.publishEvent(new CrisisClosed(id));
    }

    // ---- queries ---------------------------------------------------------------------------------------------------

    public CrisisDetails find(CrisisId id) {
        return details(load(id));
    }

    /** Crises still being handled (reported, declared, resolved), newest first. */
    public List<CrisisDetails> open() {
        return crises.findByStatusInOrderByIdDesc(EnumSet.of(CrisisStatus.REPORTED, CrisisStatus.DECLARED, CrisisStatus.RESOLVED))
                .stream().map(CrisisEvent::getId).map(CrisisId::new).map(this::find).toList();
    }

    /** Every crisis, newest first, keyset-paginated by id ({@code cursor}: the last id shown). */
    public Keyset<CrisisDetails> all(String cursor, int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Long.parseLong(cursor);
        List<CrisisEvent> rows = crises.findByIdLessThanOrderByIdDesc(before, Limit.of(limit + 1));
        List<CrisisDetails> page = rows.stream().limit(limit).map(this::details).toList();
        return new Keyset<>(page, rows.size() > limit ? String.valueOf(page.get(page.size() - 1).id().value()) : null);
    }

    // ---- linked tickets --------------------------------------------------------------------------------------------

    /**
     * Links tickets to the crisis (by hand, from a report or a search, by keyword); already linked ones are skipped.
     * Unknown tickets are refused. Answers how many were newly linked.
     */
    @Transactional
    public int linkTickets(CrisisId id, Collection<TicketId> ticketIds, String source) {
        load(id);
        String by = currentUser.username();
        List<TicketDetails> linked = new ArrayList<>();
        for (TicketId ticket : ticketIds) {
            TicketDetails details = tickets.find(ticket).orElseThrow(() -> new NotFoundException("ticket", ticket.value()));
            int added = jdbc.sql("""
                            insert into crisis_linked_tickets (crisis_id, ticket_id, source, linked_by, linked_at) values (?, ?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(id.value(), ticket.value(), source, by, Timestamp.from(Instant.now(clock))).update();
            if (added > 0) {
                linked.add(details);
            }
            tickets.linkToCrisis(ticket, id.value());
        }
        if (!linked.isEmpty()) {
            timeline.appendTickets(by, id, linked.size() + " ticket(s) linked (" + source + ")", linked,
                    CrisisTimeline.Caption.of("crisis.timeline.text.linked", linked.size(), "@crisis.linkSource." + source));
        }
        return linked.size();
    }

    @Transactional
    public void unlinkTicket(CrisisId id, TicketId ticket) {
        if (jdbc.sql("delete from crisis_linked_tickets where crisis_id = ? and ticket_id = ?").params(id.value(), ticket.value()).update() > 0) {
            tickets.linkToCrisis(ticket, null);
            TicketDetails details = tickets.find(ticket).orElseThrow(() -> new NotFoundException("ticket", ticket.value()));
            timeline.appendTickets(currentUser.username(), id, "ticket unlinked", List.of(details));
        }
    }

    /** Linked ticket ids, most recently linked first. */
    public List<TicketId> linkedTickets(CrisisId id) {
        return jdbc.sql("select ticket_id from crisis_linked_tickets where crisis_id = ? order by linked_at desc, ticket_id desc")
                .param(id.value()).query(Long.class).list().stream().map(TicketId::new).toList();
    }

    /** The tickets the report named as examples (they made someone report the crisis). */
    public List<TicketId> reportExamples(CrisisId id) {
        return jdbc.sql("select ticket_id from crisis_linked_tickets where crisis_id = ? and source = ? order by ticket_id")
                .params(id.value(), FROM_REPORT).query(Long.class).list().stream().map(TicketId::new).toList();
    }

    /** Count and the per-day trend of linked tickets over the last {@code days} days (display zone). */
    public LinkedTicketStats linkedTicketStats(CrisisId id, int days) {
        long total = jdbc.sql("select count(*) from crisis_linked_tickets where crisis_id = ?").param(id.value()).query(Long.class).single();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(days - 1L);
        java.util.Map<LocalDate, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        select (linked_at at time zone ?)::date as day, count(*) as n from crisis_linked_tickets
                        where crisis_id = ? and linked_at >= ? group by 1""")
                .params(zone.getId(), id.value(), Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    counts.put(rs.getDate("day").toLocalDate(), rs.getLong("n"));
                });
        List<LinkedTicketStats.DayCount> perDay = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            perDay.add(new LinkedTicketStats.DayCount(d, counts.getOrDefault(d, 0L)));
        }
        return new LinkedTicketStats(total, perDay);
    }

    /** Open crises with keywords, for linking new tickets automatically. */
    List<CrisisDetails> withKeywords() {
        return keywordCrises.get(DECLARED_WITH_KEYWORDS).orElse(List.of());
    }

    /** Every change of a crisis goes through here: the keyword crises seen by intake are evicted after it. */
    private CrisisEvent store(CrisisEvent crisis) {
        CrisisEvent saved = crises.save(crisis);
        keywordCrises.evictAllNowAndAfterCommit();
        return saved;
    }

    /** Whether the text mentions one of the crisis's keywords (case-insensitive). */
    static boolean mentions(CrisisDetails crisis, String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return crisis.keywords().stream().anyMatch(k -> lower.contains(k.toLowerCase(Locale.ROOT)));
    }

    private CrisisEvent load(CrisisId id) {
        return crises.findById(id.value()).orElseThrow(() -> new NotFoundException("crisis", id.value()));
    }

    private CrisisDetails details(CrisisEvent c) {
        return new CrisisDetails(new CrisisId(c.getId()), c.getType(), c.getTitle(), c.getTitleEn(), c.getDescription(), c.getStatus(), c.getGrade(),
                c.getGradeScore(), c.getProducts(), c.getRegions(), c.getChannels(), c.getKeywords(), c.getReportedBy(), c.getReportedAt(),
                c.getOccurringSince(), c.getLeadUsername(), c.getDeclaredAt(), c.getResolvedAt(), c.getClosedAt(),
                c.getGradeChanges().stream().map(g -> new CrisisDetails.GradeHistoryEntry(g.grade(), g.score(), g.overridden(), g.reason(),
                        g.changedBy(), g.changedAt())).toList(), c.getPublicTitle(), c.getProductsEn());
    }
}
