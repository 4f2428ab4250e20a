package com.steadydesk.inbox.sla;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.inbox.sla.SlaClock.Target;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clocks of the tickets (sla_clocks) and their projection onto the tickets' sla_* columns, which is all this
 * code ever writes in the tickets table (the Ticket aggregate does not map them, so its version is left alone).
 */
@Repository
class SlaClocks {

    /** A clock with its breaches (sla_breaches is the record of them; the clock only needs to know which). */
    private static final String SELECT_CLOCK = """
            select c.*,
                exists (select 1 from sla_breaches b where b.ticket_id = c.ticket_id and b.metric = 'FIRST_RESPONSE') as fr_breached,
                exists (select 1 from sla_breaches b where b.ticket_id = c.ticket_id and b.metric = 'RESOLUTION') as res_breached
            from sla_clocks c where c.ticket_id = ?""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SlaClocks(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What the policy choice and the clock need to know about a ticket; empty when it does not exist. */
    Optional<TicketFacts> facts(TicketId id) {
        return jdbc.sql("select channel, priority, requester_vip_tier, status, created_at, sla_paused_since, sla_state from tickets where id = ?")
                .param(id.value())
                .query((rs, n) -> new TicketFacts(Channel.valueOf(rs.getString(1)), TicketPriority.valueOf(rs.getString(2)),
                        VipTier.valueOf(rs.getString(3)), TicketStatus.valueOf(rs.getString(4)), instant(rs, "created_at"),
                        instant(rs, "sla_paused_since"), SlaState.valueOf(rs.getString("sla_state"))))
                .optional();
    }

    /** Loads the clock and locks it against a concurrent scan or event until the transaction ends. */
    Optional<SlaClock> findForUpdate(TicketId id) {
        return jdbc.sql(SELECT_CLOCK + " for update").param(id.value()).query(SlaClocks::map).optional();
    }

    Optional<SlaClock> find(TicketId id) {
        return jdbc.sql(SELECT_CLOCK).param(id.value()).query(SlaClocks::map).optional();
    }

    /** Stores the clock and projects it onto the ticket. */
    private static final String UPSERT_CLOCK = """
            insert into sla_clocks (ticket_id, policy_id, at_risk_percent, started_at,
                fr_target_seconds, fr_due_at, fr_at_risk_at, fr_remaining_ms, fr_done_at, fr_used_ms,
                res_target_seconds, res_due_at, res_at_risk_at, res_remaining_ms, res_done_at, res_used_ms, next_check_at, pauses)
            values (:id, :policy, :pct, :started, :fr_target, :fr_due, :fr_risk, :fr_remaining, :fr_done, :fr_used,
                :res_target, :res_due, :res_risk, :res_remaining, :res_done, :res_used, :check, :pauses)
            on conflict (ticket_id) do update set policy_id = excluded.policy_id, at_risk_percent = excluded.at_risk_percent,
                started_at = excluded.started_at,
                fr_target_seconds = excluded.fr_target_seconds, fr_due_at = excluded.fr_due_at,
                fr_at_risk_at = excluded.fr_at_risk_at, fr_remaining_ms = excluded.fr_remaining_ms, fr_done_at = excluded.fr_done_at,
                fr_used_ms = excluded.fr_used_ms, res_used_ms = excluded.res_used_ms,
                res_target_seconds = excluded.res_target_seconds, res_due_at = excluded.res_due_at,
                res_at_risk_at = excluded.res_at_risk_at, res_remaining_ms = excluded.res_remaining_ms, res_done_at = excluded.res_done_at,
                next_check_at = excluded.next_check_at, pauses = excluded.pauses""";

    void save(TicketId id, SlaClock clock, SlaState state, Instant nextCheckAt, Instant pausedSince) {
        jdbc.sql(UPSERT_CLOCK).params(clockParameters(id.value(), clock, nextCheckAt)).update();
        jdbc.sql("""
                update tickets set sla_policy_id = :policy, sla_first_response_due_at = :fr, sla_resolution_due_at = :res,
                    sla_paused_since = :paused, sla_state = :state, sla_next_due_at = :next
                where id = :id""")
                .param("policy", clock.policyId())
                .param("fr", clock.firstResponse() == null ? null : ts(clock.firstResponse().dueAt()))
                .param("res", clock.resolution() == null ? null : ts(clock.resolution().dueAt()))
                .param("paused", ts(pausedSince))
                .param("state", state.name())
                .param("next", ts(clock.nextDueAt()))
                .param("id", id.value())
                .update();
    }

    /**
     * Stores the clocks of tickets just opened, in one batch; their rows carry the projection already (see
     * {@link SlaStarts}), so only sla_clocks is written.
     */
    void insertAll(Map<Long, SlaClock> clocks, Instant now) {
        if (clocks.isEmpty()) {
            return;
        }
        batch.batchUpdate(UPSERT_CLOCK, clocks.entrySet().stream()
                .map(e -> new MapSqlParameterSource(clockParameters(e.getKey(), e.getValue(), e.getValue().nextCheckAt(now))))
                .toArray(MapSqlParameterSource[]::new));
    }

    private static Map<String, Object> clockParameters(long ticketId, SlaClock clock, Instant nextCheckAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", ticketId);
        p.put("policy", clock.policyId());
        p.put("pct", clock.atRiskPercent());
        p.put("started", ts(clock.startedAt()));
        put(p, "fr", clock.firstResponse());
        put(p, "res", clock.resolution());
        p.put("check", ts(nextCheckAt));
        p.put("pauses", SlaClock.Pause.formatAll(clock.pauses()));
        return p;
    }

    /** No policy applies (any more): the ticket has no SLA. Breaches already recorded stay recorded. */
    void clear(TicketId id) {
        jdbc.sql("delete from sla_clocks where ticket_id = ?").param(id.value()).update();
        jdbc.sql("""
                update tickets set sla_policy_id = null, sla_first_response_due_at = null, sla_resolution_due_at = null,
                    sla_paused_since = null, sla_state = 'NONE', sla_next_due_at = null
                where id = ? and (sla_state <> 'NONE' or sla_policy_id is not null)""").param(id.value()).update();
    }

    /** Records a missed target; false when it was recorded before (so the event fires once). */
    boolean recordBreach(TicketId id, SlaMetric metric, Instant dueAt, Instant now) {
        return jdbc.sql("insert into sla_breaches (ticket_id, metric, due_at, breached_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(id.value(), metric.name(), ts(dueAt), ts(now)).update() == 1;
    }

    /** Takes back a breach that a recalculation showed was none (e.g. counted on a holiday since removed). */
    boolean withdrawBreach(TicketId id, SlaMetric metric) {
        return jdbc.sql("delete from sla_breaches where ticket_id = ? and metric = ?").params(id.value(), metric.name()).update() == 1;
    }

    Set<SlaMetric> breaches(TicketId id) {
        Set<SlaMetric> set = EnumSet.noneOf(SlaMetric.class);
        jdbc.sql("select metric from sla_breaches where ticket_id = ?").param(id.value()).query(String.class).list()
                .forEach(m -> set.add(SlaMetric.valueOf(m)));
        return set;
    }

    /** Tickets whose state changes by time, oldest first; rows another node is working on are skipped. */
    List<TicketId> dueForCheck(Instant now, int limit) {
        return jdbc.sql("""
                select ticket_id from sla_clocks where next_check_at <= ?
                order by next_check_at limit ? for update skip locked""")
                .params(ts(now), limit).query(Long.class).list().stream().map(TicketId::new).toList();
    }

    /** Tickets still being worked on, by id after {@code afterId} (keyset, for chunked recalculation). */
    List<TicketId> openTicketsAfter(long afterId, int limit) {
        return jdbc.sql("select id from tickets where id > ? and status not in ('SOLVED', 'CLOSED') and merged_into_id is null order by id limit ?")
                .params(afterId, limit).query(Long.class).list().stream().map(TicketId::new).toList();
    }

    String policyName(Long policyId) {
        return policyId == null ? null
                : jdbc.sql("select name from sla_policies where id = ?").param(policyId).query(String.class).optional().orElse(null);
    }

    private static void put(Map<String, Object> p, String prefix, Target t) {
        p.put(prefix + "_target", t == null ? null : (int) t.target().toSeconds());
        p.put(prefix + "_due", t == null ? null : ts(t.dueAt()));
        p.put(prefix + "_risk", t == null ? null : ts(t.atRiskAt()));
        p.put(prefix + "_remaining", t == null || t.remaining() == null ? null : t.remaining().toMillis());
        p.put(prefix + "_done", t == null ? null : ts(t.doneAt()));
        p.put(prefix + "_used", t == null || t.used() == null ? null : t.used().toMillis());
    }

    private static SlaClock map(ResultSet rs, int row) throws SQLException {
        long policy = rs.getLong("policy_id");
        Long policyId = rs.wasNull() ? null : policy;
        return new SlaClock(policyId, rs.getInt("at_risk_percent"), instant(rs, "started_at"),
                target(rs, "fr"), target(rs, "res"), SlaClock.Pause.parseAll(rs.getString("pauses")));
    }

    private static Target target(ResultSet rs, String prefix) throws SQLException {
        long seconds = rs.getLong(prefix + "_target_seconds");
        if (rs.wasNull()) {
            return null;
        }
        long remaining = rs.getLong(prefix + "_remaining_ms");
        Duration left = rs.wasNull() ? null : Duration.ofMillis(remaining);
        long usedMs = rs.getLong(prefix + "_used_ms");
        Duration used = rs.wasNull() ? null : Duration.ofMillis(usedMs);
        return new Target(Duration.ofSeconds(seconds), instant(rs, prefix + "_due_at"), instant(rs, prefix + "_at_risk_at"),
                left, instant(rs, prefix + "_done_at"), rs.getBoolean(prefix + "_breached"), used);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The ticket's side of the SLA: what chooses the policy, and its status. */
    record TicketFacts(Channel channel, TicketPriority priority, VipTier tier, TicketStatus status, Instant createdAt,
            Instant pausedSince, SlaState storedState) {

        SlaPolicyMatch match() {
            return new SlaPolicyMatch(channel, priority, tier);
        }
    }
}
