package com.steadydesk.crisis;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketScope;
import com.steadydesk.inbox.TicketStatistics;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the review (复盘) draft of a crisis: its own records (grades, public updates, tasks, compensation), the
 * service figures of its linked tickets against the baseline from inbox's {@link TicketStatistics}, and the sections
 * people write, which are saved here. The figures are computed afresh each time, so ratings that arrive after the
 * close still count.
 */
@Service
public class CrisisReviews {

    private final CrisisManagement crises;
    private final StatusPage statusPage;
    private final CrisisTaskManagement tasks;
    private final FollowUps followUps;
    private final TicketStatistics statistics;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final TicketManagement tickets;
    private final ZoneId zone;

    CrisisReviews(CrisisManagement crises, StatusPage statusPage, CrisisTaskManagement tasks, FollowUps followUps, TicketStatistics statistics,
            JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone,
            TicketManagement tickets) {
        this.tickets = tickets;
        this.crises = crises;
        this.statusPage = statusPage;
        this.tasks = tasks;
        this.followUps = followUps;
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public CrisisReview draft(CrisisId id) {
        CrisisDetails crisis = crises.find(id);
        Instant end = crisis.closedAt() != null ? crisis.closedAt() : Instant.now(clock);
        Instant reportedOrSince = crisis.occurringSince() != null && crisis.occurringSince().isBefore(crisis.reportedAt())
                ? crisis.occurringSince() : crisis.reportedAt();
        Set<TicketId> linked = new HashSet<>(crises.linkedTickets(id));
        // the window covers the tickets that made someone report the crisis (the report's examples): they were often opened
        // before it "began", and a review without them shows no volume and no figures. Tickets linked later by hand
        // keep the window as it is.
        Instant start = crises.reportExamples(id).stream().map(tickets::find).flatMap(java.util.Optional::stream).map(TicketDetails::createdAt)
                .filter(opened -> opened.isBefore(reportedOrSince)).min(Instant::compareTo).orElse(reportedOrSince);
        if (end.isBefore(start)) {
            end = start;
        }
        TicketScope during = TicketScope.openedAmong(start, end, linked);
        Instant baselineFrom = start.minus(Duration.ofDays(CrisisReview.BASELINE_DAYS));
        // a baseline cannot reach back before the first ticket: a young installation would look calmer than it is
        Instant baselineStart = statistics.firstOpenedAt().filter(first -> first.isBefore(start))
                .map(first -> first.isAfter(baselineFrom) ? first : baselineFrom).orElse(null);
        TicketScope baseline = TicketScope.opened(baselineStart == null ? start : baselineStart, start);
        var baselineFigures = baselineStart == null ? null : statistics.figures(baseline);
        List<CrisisReview.StepFact> steps = tasks.of(id).stream()
                .map(t -> new CrisisReview.StepFact(t.title(), t.dueAt(), t.completedAt(), t.status(), t.skipReason())).toList();
        return CrisisReview.of(new CrisisReview.Facts(crisis.title(), crisis.reportedAt(), start, end, crisis.closedAt() != null,
                crisis.gradeHistory(), statusPage.updates(id).stream().map(PublicUpdate::publishedAt).toList(), linked.size(),
                linked.isEmpty() ? java.util.Map.of() : statistics.openedPerDay(during, zone), baselineStart,
                baselineFigures == null ? 0 : baselineFigures.tickets(), linked.isEmpty() ? null : statistics.figures(during), baselineFigures,
                followUps.compensationTotals(id), steps, notes(id)));
    }

    public String markdown(CrisisId id) {
        return draft(id).markdown(zone);
    }

    /** The written sections as last saved (empty before the first save). */
    public CrisisReview.Notes notes(CrisisId id) {
        List<CrisisReview.ActionItem> actions = jdbc.sql("select action, owner, due from crisis_review_actions where crisis_id = ? order by position")
                .param(id.value())
                .query((rs, n) -> new CrisisReview.ActionItem(rs.getString("action"), rs.getString("owner"),
                        rs.getDate("due") == null ? null : rs.getDate("due").toLocalDate()))
                .list();
        return jdbc.sql("select * from crisis_review_notes where crisis_id = ?").param(id.value())
                .query((rs, n) -> new CrisisReview.Notes(rs.getString("what_worked"), rs.getString("what_was_missing"), actions,
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElse(actions.isEmpty() ? CrisisReview.Notes.EMPTY : new CrisisReview.Notes("", "", actions, null, null));
    }

    /** Saves what worked, what was missing and the action items (replacing the earlier ones). */
    @Transactional
    public CrisisReview.Notes saveNotes(CrisisId id, String whatWorked, String whatWasMissing, List<CrisisReview.ActionItem> actions) {
        crises.find(id);
        CrisisReview.Notes notes = new CrisisReview.Notes(whatWorked, whatWasMissing, actions, currentUser.username(), Instant.now(clock));
        jdbc.sql("""
                        insert into crisis_review_notes (crisis_id, what_worked, what_was_missing, updated_by, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (crisis_id) do update set what_worked = excluded.what_worked, what_was_missing = excluded.what_was_missing,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(id.value(), notes.whatWorked(), notes.whatWasMissing(), notes.updatedBy(), Timestamp.from(notes.updatedAt())).update();
        jdbc.sql("delete from crisis_review_actions where crisis_id = ?").param(id.value()).update();
        for (int i = 0; i < notes.actions().size(); i++) {
            CrisisReview.ActionItem a = notes.actions().get(i);
            jdbc.sql("insert into crisis_review_actions (crisis_id, position, action, owner, due) values (?, ?, ?, ?, ?)")
                    .params(id.value(), i, a.action(), a.owner(), a.due() == null ? null : java.sql.Date.valueOf(a.due())).update();
        }
        audit.record("crisis.review.saved", "crisis " + id.value(), notes.actions().size() + " action item(s)");
        return notes;
    }
}
