package com.steadydesk.inbox;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction rating (CSAT) of tickets, kept by inbox because it is a fact of the ticket: agents record what a
 * customer said, and the surveys of insights record their answers here. One current rating per ticket.
 */
@Service
public class TicketSatisfaction {

    private static final int MAX_COMMENT = 2000;

    private final JdbcClient jdbc;
    private final TicketManagement tickets;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketSatisfaction(JdbcClient jdbc, TicketManagement tickets, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Records the rating; a second answer replaces the first (the customer changed their mind). */
    @Transactional
    public SatisfactionRating rate(TicketId ticket, int score, String comment) {
        tickets.find(ticket).orElseThrow(() -> new NotFoundException("ticket", ticket.value()));
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("a satisfaction comment has at most " + MAX_COMMENT + " characters");
        }
        SatisfactionRating rating = new SatisfactionRating(ticket, score, text, Instant.now(clock), currentUser.username());
        jdbc.sql("""
                        insert into ticket_satisfaction (ticket_id, score, comment, rated_at, recorded_by) values (?, ?, ?, ?, ?)
                        on conflict (ticket_id) do update
                        set score = excluded.score, comment = excluded.comment, rated_at = excluded.rated_at, recorded_by = excluded.recorded_by""")
                .params(ticket.value(), rating.score(), rating.comment(), Timestamp.from(rating.ratedAt()), rating.recordedBy()).update();
        events.publishEvent(new TicketRated(ticket, score));
        return rating;
    }

    public Optional<SatisfactionRating> of(TicketId ticket) {
        return jdbc.sql("select * from ticket_satisfaction where ticket_id = ?").param(ticket.value())
                .query((rs, n) -> new SatisfactionRating(ticket, rs.getInt("score"), rs.getString("comment"),
                        rs.getTimestamp("rated_at").toInstant(), rs.getString("recorded_by")))
                .optional();
    }
}
