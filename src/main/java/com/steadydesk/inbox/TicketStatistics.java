package com.steadydesk.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Inbox's query API for service figures, so that crisis (and later insights) never read ticket tables by SQL:
 * tickets opened per day, first-response and resolution times, CSAT, for a {@link TicketScope}. Each answer is one
 * aggregate query over the window's tickets (found through the index on {@code created_at}, or by primary key for
 * a set of ids), never a loop over tickets. Times are wall clock and, for tickets with an SLA clock, also business
 * hours; see {@link ServiceFigures}.
 */
@Service
public class TicketStatistics {

    private final JdbcClient jdbc;

    TicketStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tickets opened per calendar day in {@code zone}, oldest first; days without tickets are left out. */
    public Map<LocalDate, Long> openedPerDay(TicketScope scope, ZoneId zone) {
        Where where = where(scope);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        jdbc.sql("select (t.created_at at time zone ?)::date as day, count(*) as n from tickets t where " + where.sql() + " group by 1")
                .params(concat(zone.getId(), where.params())).query(rs -> {
                    perDay.put(rs.getDate("day").toLocalDate(), rs.getLong("n"));
                });
        return perDay;
    }

    /**
     * First-response and resolution times and CSAT of the scope's tickets. The business-hours times come from the
     * tickets' SLA clocks (business time used, recorded by the clock when a target is held or ends, on the ticket's
     * own calendar, pending time left out): tickets without an SLA clock, or whose clock ended before that was
     * recorded, are left out of them (and only of them).
     */
    public ServiceFigures figures(TicketScope scope) {
        Where where = where(scope);
        return jdbc.sql("""
                        select count(*) as tickets,
                               count(t.first_responded_at) as responded,
                               percentile_cont(0.5) within group (order by extract(epoch from t.first_responded_at - t.created_at)) as fr50,
                               percentile_cont(0.9) within group (order by extract(epoch from t.first_responded_at - t.created_at)) as fr90,
                               count(coalesce(t.solved_at, t.closed_at)) as resolved,
                               percentile_cont(0.5) within group (order by extract(epoch from coalesce(t.solved_at, t.closed_at) - t.created_at)) as res50,
                               percentile_cont(0.9) within group (order by extract(epoch from coalesce(t.solved_at, t.closed_at) - t.created_at)) as res90,
                               count(s.score) as ratings,
                               count(*) filter (where s.score >= ?) as good,
                               count(bh.fr) as bh_responded,
                               percentile_cont(0.5) within group (order by bh.fr) / 1000 as bh_fr50,
                               percentile_cont(0.9) within group (order by bh.fr) / 1000 as bh_fr90,
                               count(bh.res) as bh_resolved,
                               percentile_cont(0.5) within group (order by bh.res) / 1000 as bh_res50,
                               percentile_cont(0.9) within group (order by bh.res) / 1000 as bh_res90
                        from tickets t left join ticket_satisfaction s on s.ticket_id = t.id
                             left join sla_clocks c on c.ticket_id = t.id
                             -- the same tickets as the wall-clock figures: answered ones, solved or closed ones
                             cross join lateral (select case when t.first_responded_at is not null then c.fr_used_ms end as fr,
                                                        case when coalesce(t.solved_at, t.closed_at) is not null then c.res_used_ms end as res) bh
                        """ + " where " + where.sql())
                .params(concat(SatisfactionRating.GOOD_FROM, where.params()))
                .query(TicketStatistics::figures).single();
    }

    /** When the oldest ticket was opened (a baseline cannot reach back further); empty without tickets. */
    public Optional<Instant> firstOpenedAt() {
        return jdbc.sql("select min(created_at) from tickets").query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private static ServiceFigures figures(ResultSet rs, int n) throws SQLException {
        long ratings = rs.getLong("ratings");
        long good = rs.getLong("good");
        return new ServiceFigures(rs.getLong("tickets"), rs.getLong("responded"), seconds(rs, "fr50"), seconds(rs, "fr90"),
                rs.getLong("resolved"), seconds(rs, "res50"), seconds(rs, "res90"), ratings, good, ratings == 0 ? null : good / (double) ratings,
                new ServiceFigures.BusinessHours(rs.getLong("bh_responded"), seconds(rs, "bh_fr50"), seconds(rs, "bh_fr90"),
                        rs.getLong("bh_resolved"), seconds(rs, "bh_res50"), seconds(rs, "bh_res90")));
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
    }

    private static Where where(TicketScope scope) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(scope.from()), Timestamp.from(scope.to())));
        String sql = "t.created_at >= ? and t.created_at < ? and t.merged_into_id is null";
        if (scope.only() != null) {
            sql += " and t.id = any(?)";
            params.add(scope.only().stream().map(TicketId::value).toArray(Long[]::new));
        }
        return new Where(sql, params);
    }

    private static List<Object> concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private record Where(String sql, List<Object> params) {
    }
}
