package com.steadydesk.inbox.sla;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.platform.ReadThroughCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SLA policies, in the admin's order. A short list (tens), so it is read whole. */
@Repository
class SlaPolicies {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Every ticket opened or changed matches against the whole list. */
    private final ReadThroughCache<String, List<SlaPolicy>> cache;
    private static final String ALL = "all";

    SlaPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = new ReadThroughCache<>(keys -> java.util.Map.of(ALL,
                List.copyOf(jdbc.sql("select * from sla_policies order by position, id").query(SlaPolicies::map).list())),
                Duration.ofSeconds(30), 1);
    }

    List<SlaPolicy> all() {
        return cache.get(ALL).orElseThrow();
    }

    Optional<SlaPolicy> find(long id) {
        return all().stream().filter(p -> p.id() == id).findFirst();
    }

    SlaPolicy get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
    }

    /** Adds the policy at the end of the list; answers its id. */
    long create(SlaPolicy p) {
        long id = jdbc.sql("""
                insert into sla_policies (name, channel, priority, vip_tier, first_response_seconds, resolution_seconds,
                    calendar_id, at_risk_percent, active, position, updated_at)
                values (:name, :channel, :priority, :tier, :fr, :res, :calendar, :pct, :active,
                    (select coalesce(max(position), 0) + 10 from sla_policies), :now)
                returning id""")
                .params(params(p))
                .query(Long.class).single();
        cache.evictAllNowAndAfterCommit();
        return id;
    }

    void update(long id, SlaPolicy p) {
        int rows = jdbc.sql("""
                update sla_policies set name = :name, channel = :channel, priority = :priority, vip_tier = :tier,
                    first_response_seconds = :fr, resolution_seconds = :res, calendar_id = :calendar,
                    at_risk_percent = :pct, active = :active, updated_at = :now
                where id = :id""")
                .params(params(p)).param("id", id).update();
        cache.evictAllNowAndAfterCommit();
        if (rows == 0) {
            throw new NotFoundException("SLA policy", id);
        }
    }

    void setActive(long id, boolean active) {
        jdbc.sql("update sla_policies set active = ?, updated_at = ? where id = ?")
                .params(active, java.sql.Timestamp.from(now()), id).update();
        cache.evictAllNowAndAfterCommit();
    }

    /** Moves the policy one place up ({@code -1}) or down ({@code +1}) and renumbers the list; no-op at the ends. */
    void move(long id, int direction) {
        List<SlaPolicy> ordered = new java.util.ArrayList<>(all());
        int i = java.util.stream.IntStream.range(0, ordered.size()).filter(k -> ordered.get(k).id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("SLA policy", id));
        int j = i + Integer.signum(direction);
        if (j < 0 || j >= ordered.size() || j == i) {
            return;
        }
        java.util.Collections.swap(ordered, i, j);
        for (int k = 0; k < ordered.size(); k++) {
            jdbc.sql("update sla_policies set position = ? where id = ?").params((k + 1) * 10, ordered.get(k).id()).update();
        }
        cache.evictAllNowAndAfterCommit();
    }

    void delete(long id) {
        jdbc.sql("delete from sla_policies where id = ?").param(id).update();
        cache.evictAllNowAndAfterCommit();
    }

    boolean usesCalendar(long calendarId) {
        return jdbc.sql("select count(*) from sla_policies where calendar_id = ?").param(calendarId)
                .query(Long.class).single() > 0;
    }

    private java.util.Map<String, Object> params(SlaPolicy p) {
        var map = new java.util.HashMap<String, Object>();
        map.put("name", p.name());
        map.put("channel", p.channel() == null ? null : p.channel().name());
        map.put("priority", p.priority() == null ? null : p.priority().name());
        map.put("tier", p.vipTier() == null ? null : p.vipTier().name());
        map.put("fr", p.firstResponseTarget() == null ? null : (int) p.firstResponseTarget().toSeconds());
        map.put("res", p.resolutionTarget() == null ? null : (int) p.resolutionTarget().toSeconds());
        map.put("calendar", p.calendarId());
        map.put("pct", p.atRiskPercent());
        map.put("active", p.active());
        map.put("now", java.sql.Timestamp.from(now()));
        return map;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static SlaPolicy map(ResultSet rs, int row) throws SQLException {
        String channel = rs.getString("channel");
        String priority = rs.getString("priority");
        String tier = rs.getString("vip_tier");
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar;
        return new SlaPolicy(rs.getLong("id"), rs.getString("name"),
                channel == null ? null : Channel.valueOf(channel),
                priority == null ? null : TicketPriority.valueOf(priority),
                tier == null ? null : VipCriterion.valueOf(tier),
                seconds(rs, "first_response_seconds"), seconds(rs, "resolution_seconds"), calendarId,
                rs.getInt("at_risk_percent"), rs.getBoolean("active"), rs.getInt("position"));
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        long s = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofSeconds(s);
    }
}
