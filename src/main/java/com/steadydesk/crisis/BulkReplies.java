package com.steadydesk.crisis;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.inbox.BulkAction;
import com.steadydesk.inbox.BulkResult;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.scripts.PlaceholderCatalogue;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Sends an approved script to all linked tickets of a crisis (or the open or VIP ones), personalised by the inbox with
 * the bulk-reply placeholders of {@link PlaceholderCatalogue}. Runs in the background in small batches, so the lead sees
 * the progress; each ticket is its own transaction, so one failure never stops the others. A job always ends: whatever
 * goes wrong is listed per ticket, and the failed tickets can be sent again ({@link #retryFailed}).
 */
@Service
public class BulkReplies {

    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final CrisisManagement crises;
    private final TicketManagement tickets;
    private final ScriptManagement scripts;
    private final CrisisTimeline timeline;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final TaskExecutor executor;
    private final Clock clock;

    BulkReplies(JdbcClient jdbc, CrisisManagement crises, TicketManagement tickets, ScriptManagement scripts, CrisisTimeline timeline,
            CurrentUser currentUser, AuditLog audit, @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
        this.jdbc = jdbc;
        this.crises = crises;
        this.tickets = tickets;
        this.scripts = scripts;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.audit = audit;
        this.executor = executor;
        this.clock = clock;
    }

    /** Which linked tickets get the reply. */
    public enum Filter {
        ALL, OPEN, VIP
    }

    /** Starts a bulk reply with the approved version of the script; answers the job to follow. */
    public BulkReplyJob start(CrisisId crisis, ScriptId script, Filter filter) {
        ScriptManagement.ScriptView view = scripts.view(script);
        if (view.status() != ScriptStatus.APPROVED || !view.visibleToAgents()) {
            throw new DomainRuleViolation("crisis.bulk.script-not-approved", "only an approved script can be sent in bulk");
        }
        crises.find(crisis);
        Filter f = filter == null ? Filter.ALL : filter;
        List<TicketId> targets = crises.linkedTickets(crisis).stream()
                .filter(id -> f == Filter.ALL || tickets.find(id).filter(t -> f == Filter.OPEN ? t.status().isActive() : t.vip()).isPresent())
                .toList();
        if (targets.isEmpty()) {
            throw new DomainRuleViolation("crisis.bulk.no-tickets", "no linked ticket matches");
        }
        return launch(crisis, script.value(), view.content().title(), view.content().body(), f, targets, null);
    }

    /** Sends the reply of a finished job again, to the tickets it failed for; answers the new job. */
    public BulkReplyJob retryFailed(long jobId) {
        BulkReplyJob job = job(jobId);
        if (!job.finished()) {
            throw new DomainRuleViolation("crisis.bulk.running", "the bulk reply is still running");
        }
        List<TicketId> failed = job.failures().stream().map(BulkReplyJob.Failure::ticketId).distinct().toList();
        if (failed.isEmpty()) {
            throw new DomainRuleViolation("crisis.bulk.nothing-failed", "no ticket failed in this bulk reply");
        }
        String body = jdbc.sql("select body from crisis_bulk_replies where id = ?").param(jobId).query(String.class).single();
        crises.find(job.crisisId());
        return launch(job.crisisId(), job.scriptId(), "retry of bulk reply " + jobId, body, job.filter(), failed, jobId);
    }

    private BulkReplyJob launch(CrisisId crisis, long scriptId, String title, String body, Filter filter, List<TicketId> targets, Long retryOf) {
        // refused before anything is sent: a placeholder nobody fills would fail on every ticket
        List<String> refused = PlaceholderCatalogue.refusedIn(body, PlaceholderCatalogue.Use.BULK_REPLY, false);
        if (!refused.isEmpty()) {
            throw new DomainRuleViolation("crisis.bulk.placeholders", "the script has placeholders a bulk reply cannot fill: "
                    + String.join(", ", refused.stream().map(n -> "{{" + n + "}}").toList()));
        }
        long jobId = jdbc.sql("""
                        insert into crisis_bulk_replies (crisis_id, script_id, body, filter, total, status, started_by, started_at, retry_of)
                        values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?) returning id""")
                .params(crisis.value(), scriptId, body, filter.name(), targets.size(), currentUser.username(),
                        Timestamp.from(Instant.now(clock)), retryOf).query(Long.class).single();
        timeline.append(crisis, "DECISION", "bulk reply started with script " + scriptId + " \"" + title + "\" to "
                + targets.size() + " linked ticket(s) (" + filter + ")", CrisisTimeline.Caption.of("crisis.timeline.text.bulkStarted", title, targets.size(),
                "@crisis.bulk.filter." + filter));
        audit.record("crisis.bulk-reply.started", "crisis " + crisis.value(), "script=" + scriptId + " tickets=" + targets.size()
                + (retryOf == null ? "" : " retry-of=" + retryOf));
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(jobId, crisis, body, targets)));
        return job(jobId);
    }

    private void run(long jobId, CrisisId crisis, String body, List<TicketId> targets) {
        int done = 0;
        int failed = 0;
        int from = 0;
        try {
            for (; from < targets.size(); from += BATCH) {
                List<TicketId> batch = targets.subList(from, Math.min(targets.size(), from + BATCH));
                BulkResult result;
                try {
                    result = tickets.bulk(BulkAction.reply(body), batch);
                } catch (RuntimeException e) {
                    // a refusal of the whole batch (or anything unforeseen) fails each of its tickets, visibly
                    String rule = e instanceof DomainRuleViolation v ? v.rule() : e.getClass().getSimpleName();
                    result = new BulkResult(List.of(), batch.stream().map(t -> new BulkResult.Failure(t, rule, e.getMessage())).toList());
                }
                recordFailures(jobId, result.failures());
                done += result.succeeded().size();
                failed += result.failures().size();
                jdbc.sql("update crisis_bulk_replies set done = ?, failed = ? where id = ?").params(done, failed, jobId).update();
            }
        } catch (RuntimeException e) {
            // the job's own bookkeeping broke: the tickets not reached are failures, so that the job ends and can be retried
            List<BulkResult.Failure> rest = targets.subList(Math.min(from, targets.size()), targets.size()).stream()
                    .map(t -> new BulkResult.Failure(t, e.getClass().getSimpleName(), e.getMessage())).toList();
            failed += rest.size();
            try {
                recordFailures(jobId, rest);
            } catch (RuntimeException ignored) {
                // the failure count below still tells the lead how many did not go out
            }
        } finally {
            jdbc.sql("update crisis_bulk_replies set status = 'FINISHED', done = ?, failed = ?, finished_at = ? where id = ?")
                    .params(done, failed, Timestamp.from(Instant.now(clock)), jobId).update();
            timeline.append(crisis, "DECISION", "bulk reply finished: " + done + " sent, " + failed + " failed",
                    CrisisTimeline.Caption.of("crisis.timeline.text.bulkFinished", done, failed));
        }
    }

    private void recordFailures(long jobId, List<BulkResult.Failure> failures) {
        for (BulkResult.Failure failure : failures) {
            jdbc.sql("insert into crisis_bulk_reply_failures (job_id, ticket_id, rule, message) values (?, ?, ?, ?)")
                    .params(jobId, failure.ticketId().value(), failure.rule(), failure.message()).update();
        }
    }

    public BulkReplyJob job(long jobId) {
        List<BulkReplyJob.Failure> failures = jdbc.sql("select * from crisis_bulk_reply_failures where job_id = ? order by id").param(jobId)
                .query((rs, n) -> new BulkReplyJob.Failure(new TicketId(rs.getLong("ticket_id")), rs.getString("rule"), rs.getString("message")))
                .list();
        return jdbc.sql("select * from crisis_bulk_replies where id = ?").param(jobId)
                .query((rs, n) -> new BulkReplyJob(rs.getLong("id"), new CrisisId(rs.getLong("crisis_id")), rs.getLong("script_id"),
                        Filter.valueOf(rs.getString("filter")), rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"),
                        "FINISHED".equals(rs.getString("status")), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                        failures)).optional().orElseThrow(() -> new NotFoundException("bulk reply", jobId));
    }

    /** The crisis's bulk replies, newest first. */
    public List<BulkReplyJob> of(CrisisId crisis) {
        return jdbc.sql("select id from crisis_bulk_replies where crisis_id = ? order by id desc limit 20").param(crisis.value())
                .query(Long.class).list().stream().map(this::job).toList();
    }

    /** A bulk reply's progress and failures. */
    public record BulkReplyJob(long id, CrisisId crisisId, long scriptId, Filter filter, int total, int done, int failed, boolean finished,
            String startedBy, Instant startedAt, List<Failure> failures) {

        public int percent() {
            return total == 0 ? 100 : (done + failed) * 100 / total;
        }

        /** A ticket the reply could not be sent to. */
        public record Failure(TicketId ticketId, String rule, String message) {
        }
    }
}
