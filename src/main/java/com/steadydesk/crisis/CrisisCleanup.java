package com.steadydesk.crisis;

import com.steadydesk.channels.MailFooter;
import com.steadydesk.crisis.internal.CrisisEvent;
import com.steadydesk.crisis.internal.CrisisEvents;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clean-up checklist of a closed crisis (收尾): its crisis-only scripts retired or kept, the help-center banner,
 * callouts and mail-footer notice verified gone (they are removed on close; leftovers can be cleared here), every
 * contact point the crisis changed confirmed back to normal, and subscribers told it is over with a final "resolved"
 * update. Each step keeps who did it and when, and lands on the timeline.
 */
@Service
public class CrisisCleanup {

    /** Step kinds; see V718 for what each row means. */
    public static final String SCRIPT = "SCRIPT", BANNER = "BANNER", CALLOUTS = "CALLOUTS", MAIL_FOOTER = "MAIL_FOOTER",
            KEYWORD_LINKING = "KEYWORD_LINKING", CONTACT_POINT = "CONTACT_POINT", FINAL_UPDATE = "FINAL_UPDATE";
    /** The notices that go away by themselves on close and are only verified here. */
    private static final Set<String> NOTICES = Set.of(BANNER, CALLOUTS, MAIL_FOOTER);
    private static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final CrisisEvents crises;
    private final CrisisTimeline timeline;
    private final StatusPage statusPage;
    private final InternalUpdates internalUpdates;
    private final ScriptManagement scripts;
    private final HelpCenterNotices helpCenter;
    private final MailFooter mailFooter;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    CrisisCleanup(JdbcClient jdbc, CrisisEvents crises, CrisisTimeline timeline, StatusPage statusPage, InternalUpdates internalUpdates,
            ScriptManagement scripts, HelpCenterNotices helpCenter, MailFooter mailFooter, CurrentUser currentUser, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.crises = crises;
        this.timeline = timeline;
        this.statusPage = statusPage;
        this.internalUpdates = internalUpdates;
        this.scripts = scripts;
        this.helpCenter = helpCenter;
        this.mailFooter = mailFooter;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Notes a temporary change to a contact point made for the crisis (hotline routed to an outsourcer, chat hours
     * extended, a temporary SLA), so that the checklist asks for it to be put back once the crisis is over.
     */
    @Transactional
    public CleanupStep recordContactPointChange(CrisisId id, String change) {
        CrisisEvent crisis = load(id);
        if (crisis.getStatus() == CrisisStatus.DISMISSED) {
            throw new DomainRuleViolation("crisis.cleanup.dismissed", "a dismissed report changes nothing");
        }
        if (change == null || change.isBlank() || change.strip().length() > 500) {
            throw new IllegalArgumentException("describe the change in 1 to 500 characters");
        }
        long stepId = jdbc.sql("""
                        insert into crisis_cleanup_steps (crisis_id, step_key, kind, label, created_at) values (?, ?, ?, ?, ?) returning id""")
                .params(id.value(), "contact:new:" + System.nanoTime(), CONTACT_POINT, change.strip(), Timestamp.from(Instant.now(clock)))
                .query(Long.class).single();
        jdbc.sql("update crisis_cleanup_steps set step_key = ? where id = ?").params("contact:" + stepId, stepId).update();
        timeline.append(id, "DECISION", "temporary contact-point change, to put back after the crisis: " + change.strip());
        return step(stepId);
    }

    /**
     * Writes the checklist of a crisis that just closed (again: only steps not there yet). Scripts already retired and
     * a "resolved" update already published count as done; a crisis that never went public needs no final update.
     */
    @Transactional
    public void prepare(CrisisId id) {
        CrisisEvent crisis = requireClosed(id);
        for (ScriptManagement.ScriptSummary script : scripts.ofCrisis(id.value())) {
            add(id, "script:" + script.id().value(), SCRIPT, script.title(), script.id().value());
            if (script.status() == ScriptStatus.RETIRED) {
                markDone(id, "script:" + script.id().value(), "RETIRED", SYSTEM, Instant.now(clock));
            }
        }
        for (String notice : List.of(BANNER, CALLOUTS, MAIL_FOOTER)) {
            add(id, notice.toLowerCase(), notice, notice.toLowerCase().replace('_', ' '), null);
        }
        if (!crisis.getKeywords().isEmpty()) {
            add(id, "keyword-linking", KEYWORD_LINKING, String.join(", ", crisis.getKeywords()), null);
        }
        add(id, "final-update", FINAL_UPDATE, "final public update", null);
        List<PublicUpdate> updates = statusPage.updates(id);
        if (updates.isEmpty()) {
            markDone(id, "final-update", "NOT_NEEDED", SYSTEM, Instant.now(clock));
        } else if ("RESOLVED".equals(updates.get(0).phase())) {
            markDone(id, "final-update", "SENT", updates.get(0).author(), updates.get(0).publishedAt());
        }
    }

    /** After the lower modules removed the crisis's notices on close: records each one verified gone. */
    @Transactional
    public void verifyNoticesRemoved(CrisisId id) {
        for (CleanupStep step : checklist(id).steps()) {
            if (NOTICES.contains(step.kind()) && step.doneAt() == null && !stillShown(id, step.kind())) {
                complete(id, step, "REMOVED", SYSTEM);
            }
        }
    }

    /** The checklist, in the order its steps were written; notices shown again after close count as not done. */
    public Checklist checklist(CrisisId id) {
        List<CleanupStep> rows = jdbc.sql("select * from crisis_cleanup_steps where crisis_id = ? order by id").param(id.value())
                .query(CrisisCleanup::row).list();
        return new Checklist(rows.stream().map(s -> NOTICES.contains(s.kind()) ? s.withLeftOver(stillShown(id, s.kind())) : s).toList());
    }

    /** Closed crises whose checklist still has open steps (the crisis list marks them "clean-up open"). */
    public Set<Long> crisesWithOpenCleanup() {
        return Set.copyOf(jdbc.sql("""
                        select distinct s.crisis_id from crisis_cleanup_steps s join crises c on c.id = s.crisis_id
                        where c.status = 'CLOSED' and s.done_at is null""").query(Long.class).list());
    }

    /** Retires a crisis-only script through the script library. */
    @Transactional
    public void retireScript(CrisisId id, long scriptId) {
        CleanupStep step = openStep(id, "script:" + scriptId);
        scripts.retire(new ScriptId(scriptId), "crisis #" + id.value() + " is over (clean-up checklist)");
        complete(id, step, "RETIRED", currentUser.username());
    }

    /** Keeps a crisis-only script as general wording: the library makes it a draft without the crisis, to be reviewed. */
    @Transactional
    public void keepScript(CrisisId id, long scriptId) {
        CleanupStep step = openStep(id, "script:" + scriptId);
        scripts.keep(new ScriptId(scriptId));
        complete(id, step, "KEPT", currentUser.username());
    }

    /** Removes a banner, callouts or mail-footer notice still shown for the crisis. */
    @Transactional
    public void clearNotice(CrisisId id, String kind) {
        requireClosed(id);
        switch (kind) {
            case BANNER -> helpCenter.clearBanner(id.value());
            case CALLOUTS -> helpCenter.clearCallouts(id.value());
            case MAIL_FOOTER -> mailFooter.clear(CrisisListeners.footerKey(id));
            default -> throw new IllegalArgumentException("not a notice: " + kind);
        }
        CleanupStep step = checklist(id).steps().stream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("clean-up step", kind));
        if (step.doneAt() == null) {
            complete(id, step, "CLEARED", currentUser.username());
        } else {
            timeline.append(id, "CLEAN_UP", "clean-up: " + describe(step) + " shown again, cleared");
        }
    }

    /** The lead confirms a contact point, keyword auto-link or a notice is back to normal. */
    @Transactional
    public void confirm(CrisisId id, long stepId) {
        requireClosed(id);
        CleanupStep step = step(stepId);
        if (step.crisisId() != id.value()) {
            throw new NotFoundException("clean-up step", stepId);
        }
        if (step.kind().equals(SCRIPT) || step.kind().equals(FINAL_UPDATE)) {
            throw new DomainRuleViolation("crisis.cleanup.needs-action", "this step is done by retiring/keeping or by sending");
        }
        if (NOTICES.contains(step.kind()) && stillShown(id, step.kind())) {
            throw new DomainRuleViolation("crisis.cleanup.still-shown", "the notice is still shown; clear it first");
        }
        if (step.doneAt() != null) {
            throw new DomainRuleViolation("crisis.cleanup.done", "this step is done already");
        }
        complete(id, step, NOTICES.contains(step.kind()) ? "REMOVED" : "CONFIRMED", currentUser.username());
    }

    /** The final "resolved" update as the template words it, for the lead to edit before sending. */
    public StatusPage.UpdateDraft draftFinalUpdate(CrisisId id) {
        return statusPage.draftFromTemplate(id, "resolved", null);
    }

    /**
     * Publishes the final "resolved" update on the status page (public subscribers get it by email), tells the crisis's
     * staff, and marks the step done.
     */
    @Transactional
    public PublicUpdate sendFinalUpdate(CrisisId id, String bodyZh, String bodyEn) {
        CrisisEvent crisis = requireClosed(id);
        CleanupStep step = openStep(id, "final-update");
        PublicUpdate update = statusPage.publish(id, new StatusPage.UpdateDraft("RESOLVED", bodyZh, bodyEn, null));
        internalUpdates.tellStaff(id, "【已结束 Resolved】#" + id.value() + " " + crisis.getTitle(), update.bodyZh() + "\n\n" + update.bodyEn());
        complete(id, step, "SENT", currentUser.username());
        return update;
    }

    private void add(CrisisId id, String key, String kind, String label, Long refId) {
        jdbc.sql("""
                        insert into crisis_cleanup_steps (crisis_id, step_key, kind, label, ref_id, created_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (crisis_id, step_key) do nothing""")
                .params(id.value(), key, kind, label.length() > 500 ? label.substring(0, 500) : label, refId, Timestamp.from(Instant.now(clock)))
                .update();
    }

    private void markDone(CrisisId id, String key, String outcome, String by, Instant at) {
        jdbc.sql("update crisis_cleanup_steps set outcome = ?, done_by = ?, done_at = ? where crisis_id = ? and step_key = ? and done_at is null")
                .params(outcome, by, Timestamp.from(at), id.value(), key).update();
    }

    private void complete(CrisisId id, CleanupStep step, String outcome, String by) {
        int changed = jdbc.sql("update crisis_cleanup_steps set outcome = ?, done_by = ?, done_at = ? where id = ? and done_at is null")
                .params(outcome, by, Timestamp.from(Instant.now(clock)), step.id()).update();
        if (changed == 0) {
            throw new DomainRuleViolation("crisis.cleanup.done", "this step is done already");
        }
        Checklist now = checklist(id);
        timeline.appendAs(by, id, "CLEAN_UP", "clean-up: " + describe(step) + " " + outcome.toLowerCase().replace('_', ' ') + " ("
                + now.done() + "/" + now.total() + " done)");
        audit.record("crisis.cleanup." + outcome.toLowerCase(), "crisis " + id.value(), step.kind() + " " + step.label());
    }

    private static String describe(CleanupStep step) {
        return switch (step.kind()) {
            case SCRIPT -> "script #" + step.refId() + " \"" + step.label() + "\"";
            case KEYWORD_LINKING -> "keyword auto-link (" + step.label() + ")";
            case CONTACT_POINT -> "contact point \"" + step.label() + "\"";
            default -> step.label();
        };
    }

    private boolean stillShown(CrisisId id, String kind) {
        return switch (kind) {
            case BANNER -> helpCenter.bannerOf(id.value()).isPresent();
            case CALLOUTS -> !helpCenter.calloutsOf(id.value()).isEmpty();
            case MAIL_FOOTER -> mailFooter.current().stream().anyMatch(n -> n.key().equals(CrisisListeners.footerKey(id)));
            default -> false;
        };
    }

    private CleanupStep openStep(CrisisId id, String key) {
        requireClosed(id);
        CleanupStep step = jdbc.sql("select * from crisis_cleanup_steps where crisis_id = ? and step_key = ?").params(id.value(), key)
                .query(CrisisCleanup::row).optional().orElseThrow(() -> new NotFoundException("clean-up step", key));
        if (step.doneAt() != null) {
            throw new DomainRuleViolation("crisis.cleanup.done", "this step is done already");
        }
        return step;
    }

    private CleanupStep step(long stepId) {
        return jdbc.sql("select * from crisis_cleanup_steps where id = ?").param(stepId).query(CrisisCleanup::row).optional()
                .orElseThrow(() -> new NotFoundException("clean-up step", stepId));
    }

    private CrisisEvent requireClosed(CrisisId id) {
        CrisisEvent crisis = load(id);
        if (crisis.getStatus() != CrisisStatus.CLOSED) {
            throw new DomainRuleViolation("crisis.cleanup.not-closed", "the clean-up starts when the crisis is closed");
        }
        return crisis;
    }

    private CrisisEvent load(CrisisId id) {
        return crises.findById(id.value()).orElseThrow(() -> new NotFoundException("crisis", id.value()));
    }

    private static CleanupStep row(ResultSet rs, int n) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        return new CleanupStep(rs.getLong("id"), rs.getLong("crisis_id"), rs.getString("step_key"), rs.getString("kind"), rs.getString("label"),
                (Long) rs.getObject("ref_id"), rs.getString("outcome"), rs.getString("done_by"), done == null ? null : done.toInstant(), false);
    }

    /**
     * One step. {@code outcome}: RETIRED, KEPT, REMOVED, CLEARED, CONFIRMED, SENT or NOT_NEEDED once done;
     * {@code leftOver}: a notice still shown although the crisis is closed.
     */
    public record CleanupStep(long id, long crisisId, String key, String kind, String label, Long refId, String outcome, String doneBy,
            Instant doneAt, boolean leftOver) {

        public boolean done() {
            return doneAt != null && !leftOver;
        }

        CleanupStep withLeftOver(boolean shown) {
            return new CleanupStep(id, crisisId, key, kind, label, refId, outcome, doneBy, doneAt, shown);
        }
    }

    /** The whole checklist with its progress. */
    public record Checklist(List<CleanupStep> steps) {

        public int done() {
            return (int) steps.stream().filter(CleanupStep::done).count();
        }

        public int total() {
            return steps.size();
        }

        public boolean complete() {
            return done() == total();
        }

        /** The final "resolved" update is still to be sent. */
        public boolean finalUpdateOpen() {
            return steps.stream().anyMatch(s -> s.kind().equals(FINAL_UPDATE) && s.doneAt() == null);
        }

        public int percent() {
            return steps.isEmpty() ? 100 : done() * 100 / total();
        }
    }
}
