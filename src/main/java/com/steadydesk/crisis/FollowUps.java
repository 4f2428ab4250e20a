package com.steadydesk.crisis;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up after a crisis: compensation per customer or for a whole segment (proposed, approved by someone else,
 * then delivered or not), and callbacks (回访) assigned to agents with their outcome.
 */
@Service
public class FollowUps {

    /** What a compensation gives. */
    public enum Kind { REFUND, COUPON, CREDIT, GIFT }

    /** Outcomes of a callback. */
    public enum Outcome { SATISFIED, UNSATISFIED, NO_ANSWER, WRONG_NUMBER, ESCALATED }

    private final JdbcClient jdbc;
    private final CrisisTimeline timeline;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, CrisisTimeline timeline, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Proposes compensation for one customer or, with {@code segment}, for a group ("受影响的全部 VIP"). */
    @Transactional
    public Compensation propose(CrisisId crisis, CustomerId customer, String segment, Kind kind, BigDecimal amount, String reason) {
        if ((customer == null) == (segment == null || segment.isBlank())) {
            throw new IllegalArgumentException("a compensation is for one customer or for one segment");
        }
        if (kind == null || amount == null || amount.signum() < 0 || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a compensation needs a kind, an amount of at least 0 and a reason");
        }
        long id = jdbc.sql("""
                        insert into crisis_compensations (crisis_id, customer_id, segment, kind, amount, reason, status, proposed_by, created_at)
                        values (?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?) returning id""")
                .params(crisis.value(), customer == null ? null : customer.value(), segment == null || segment.isBlank() ? null : segment.strip(),
                        kind.name(), amount, reason.strip(), currentUser.username(), Timestamp.from(Instant.now(clock)))
                .query(Long.class).single();
        timeline.append(crisis, "DECISION", "compensation proposed: " + kind + " " + amount + " for "
                + (customer == null ? segment.strip() : "customer " + customer.value()) + " — " + reason.strip());
        return compensation(id);
    }

    /** Approves or rejects; the person who proposed it may not decide it. */
    @Transactional
    public Compensation decide(long compensationId, boolean approve) {
        Compensation c = compensation(compensationId);
        if (!"PROPOSED".equals(c.status())) {
            throw new DomainRuleViolation("crisis.compensation.decided", "the compensation is already " + c.status());
        }
        if (c.proposedBy().equals(currentUser.username())) {
            throw new DomainRuleViolation("crisis.compensation.own", "a compensation must be approved by someone other than its proposer");
        }
        // conditional on the state read above: of two leads deciding at once, only one changes the row
        int changed = jdbc.sql("update crisis_compensations set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'PROPOSED'")
                .params(approve ? "APPROVED" : "REJECTED", currentUser.username(), Timestamp.from(Instant.now(clock)), compensationId).update();
        if (changed == 0) {
            throw new DomainRuleViolation("crisis.compensation.decided", "the compensation was decided meanwhile");
        }
        audit.record(approve ? "crisis.compensation.approved" : "crisis.compensation.rejected", "compensation " + compensationId,
                c.kind() + " " + c.amount());
        timeline.append(c.crisisId(), "DECISION", "compensation " + compensationId + (approve ? " approved" : " rejected"));
        return compensation(compensationId);
    }

    /** Records whether an approved compensation reached the customer. */
    @Transactional
    public Compensation recordDelivery(long compensationId, boolean delivered, String note) {
        Compensation c = compensation(compensationId);
        if (!"APPROVED".equals(c.status()) && !"NOT_DELIVERED".equals(c.status())) {
            throw new DomainRuleViolation("crisis.compensation.not-approved", "only an approved compensation can be delivered");
        }
        int changed = jdbc.sql("""
                        update crisis_compensations set status = ?, delivered_at = ?, note = ? where id = ? and status in ('APPROVED', 'NOT_DELIVERED')""")
                .params(delivered ? "DELIVERED" : "NOT_DELIVERED", delivered ? Timestamp.from(Instant.now(clock)) : null, note, compensationId)
                .update();
        if (changed == 0) {
            throw new DomainRuleViolation("crisis.compensation.not-approved", "the compensation changed meanwhile");
        }
        timeline.append(c.crisisId(), "DECISION", "compensation " + compensationId + (delivered ? " delivered" : " not delivered")
                + (note == null || note.isBlank() ? "" : ": " + note.strip()));
        return compensation(compensationId);
    }

    public List<Compensation> compensations(CrisisId crisis) {
        return jdbc.sql("select * from crisis_compensations where crisis_id = ? order by id").param(crisis.value())
                .query(FollowUps::compensation).list();
    }

    /** Approved or delivered amounts per kind (for the review and the cockpit). */
    public Map<Kind, BigDecimal> totals(CrisisId crisis) {
        Map<Kind, BigDecimal> totals = new TreeMap<>();
        for (Compensation c : compensations(crisis)) {
            if (c.status().equals("APPROVED") || c.status().equals("DELIVERED") || c.status().equals("NOT_DELIVERED")) {
                totals.merge(c.kind(), c.amount(), BigDecimal::add);
            }
        }
        return totals;
    }

    /** Per kind: what was approved (delivered or not) and what was delivered, for the review. Kinds without approvals are left out. */
    public List<CrisisReview.CompensationTotal> compensationTotals(CrisisId crisis) {
        return jdbc.sql("""
                        select kind,
                               count(*) filter (where status in ('APPROVED', 'DELIVERED', 'NOT_DELIVERED')) as approved_count,
                               coalesce(sum(amount) filter (where status in ('APPROVED', 'DELIVERED', 'NOT_DELIVERED')), 0)::numeric(14, 2) as approved,
                               count(*) filter (where status = 'DELIVERED') as delivered_count,
                               coalesce(sum(amount) filter (where status = 'DELIVERED'), 0)::numeric(14, 2) as delivered
                        from crisis_compensations where crisis_id = ? group by kind
                        having count(*) filter (where status in ('APPROVED', 'DELIVERED', 'NOT_DELIVERED')) > 0 order by kind""")
                .param(crisis.value())
                .query((rs, n) -> new CrisisReview.CompensationTotal(Kind.valueOf(rs.getString("kind")), rs.getInt("approved_count"),
                        rs.getBigDecimal("approved"), rs.getInt("delivered_count"), rs.getBigDecimal("delivered")))
                .list();
    }

    private Compensation compensation(long id) {
        return jdbc.sql("select * from crisis_compensations where id = ?").param(id).query(FollowUps::compensation).optional()
                .orElseThrow(() -> new NotFoundException("compensation", id));
    }

    /** Puts a customer on the callback list, optionally for a ticket and an agent. */
    @Transactional
    public Callback addCallback(CrisisId crisis, CustomerId customer, Long ticketId, String assignee) {
        if (customer == null) {
            throw new IllegalArgumentException("a callback needs a customer");
        }
        long id = jdbc.sql("""
                        insert into crisis_callbacks (crisis_id, customer_id, ticket_id, assignee, status, created_at)
                        values (?, ?, ?, ?, 'OPEN', ?) returning id""")
                .params(crisis.value(), customer.value(), ticketId, assignee == null || assignee.isBlank() ? null : assignee.strip(),
                        Timestamp.from(Instant.now(clock))).query(Long.class).single();
        return callback(id);
    }

    @Transactional
    public Callback assignCallback(long callbackId, String assignee) {
        jdbc.sql("update crisis_callbacks set assignee = ? where id = ?").params(assignee, callbackId).update();
        return callback(callbackId);
    }

    /** The agent called back: the outcome closes the callback. */
    @Transactional
    public Callback recordOutcome(long callbackId, Outcome outcome, String note) {
        Callback cb = callback(callbackId);
        if (outcome == null) {
            throw new IllegalArgumentException("an outcome is required");
        }
        if ("DONE".equals(cb.status())) {
            throw new DomainRuleViolation("crisis.callback.done", "the callback is already done");
        }
        jdbc.sql("update crisis_callbacks set status = 'DONE', outcome = ?, note = ?, done_at = ? where id = ?")
                .params(outcome.name(), note, Timestamp.from(Instant.now(clock)), callbackId).update();
        return callback(callbackId);
    }

    public List<Callback> callbacks(CrisisId crisis) {
        return jdbc.sql("select * from crisis_callbacks where crisis_id = ? order by status desc, id").param(crisis.value())
                .query(FollowUps::callback).list();
    }

    private Callback callback(long id) {
        return jdbc.sql("select * from crisis_callbacks where id = ?").param(id).query(FollowUps::callback).optional()
                .orElseThrow(() -> new NotFoundException("callback", id));
    }

    private static Compensation compensation(ResultSet rs, int n) throws SQLException {
        long customer = rs.getLong("customer_id");
        // read wasNull() at once: the next getLong would answer for its own column (a segment showed as customer #0)
        CustomerId customerId = rs.wasNull() ? null : new CustomerId(customer);
        return new Compensation(rs.getLong("id"), new CrisisId(rs.getLong("crisis_id")), customerId,
                rs.getString("segment"), Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getString("reason"),
                rs.getString("status"), rs.getString("proposed_by"), rs.getString("decided_by"), rs.getString("note"));
    }

    private static Callback callback(ResultSet rs, int n) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        Long ticketId = rs.wasNull() ? null : ticket;
        String outcome = rs.getString("outcome");
        return new Callback(rs.getLong("id"), new CrisisId(rs.getLong("crisis_id")), new CustomerId(rs.getLong("customer_id")), ticketId,
                rs.getString("assignee"), rs.getString("status"), outcome == null ? null : Outcome.valueOf(outcome), rs.getString("note"));
    }

    /** A compensation. {@code status}: PROPOSED, APPROVED, REJECTED, DELIVERED, NOT_DELIVERED. */
    public record Compensation(long id, CrisisId crisisId, CustomerId customerId, String segment, Kind kind, BigDecimal amount, String reason,
            String status, String proposedBy, String decidedBy, String note) {
    }

    /** A customer to call back. {@code status}: OPEN or DONE. */
    public record Callback(long id, CrisisId crisisId, CustomerId customerId, Long ticketId, String assignee, String status, Outcome outcome,
            String note) {
    }
}
