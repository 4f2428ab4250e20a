package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/**
 * One line of a crisis's timeline. {@code kind}: REPORTED, DECLARED, DISMISSED, GRADED, GRADE_OVERRIDDEN, CHAIN_NOTIFIED,
 * ACKNOWLEDGED, ESCALATED, PLAYBOOK_STARTED, TASK, PUBLIC_UPDATE, INTERNAL_UPDATE, DECISION, NOTE, TICKETS_LINKED, RESOLVED,
 * CLOSED, CLEAN_UP. {@code caption}: the text without the list of tickets it names; {@code tickets}: those tickets, for links.
 * {@code textKey}/{@code textArgs}: the caption as a bundle key (crisis.timeline.text.*) for readers of either language;
 * an argument written {@code @key} is itself a bundle key (a grade, a type). Null for entries people wrote.
 */
public record TimelineEntry(long id, CrisisId crisisId, Instant at, String author, String kind, String text, String caption,
        List<Ticket> tickets, String textKey, List<String> textArgs) {

    /** A page shows this many of an entry's tickets as links; a batch of 200 would bury the timeline. */
    public static final int SHOWN_TICKETS = 20;

    public TimelineEntry {
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
        caption = caption == null ? text : caption;
        textArgs = textArgs == null ? List.of() : List.copyOf(textArgs);
    }

    /** An entry without a bundle key: its caption is shown as written. */
    public TimelineEntry(long id, CrisisId crisisId, Instant at, String author, String kind, String text, String caption, List<Ticket> tickets) {
        this(id, crisisId, at, author, kind, text, caption, tickets, null, List.of());
    }

    public List<Ticket> shownTickets() {
        return tickets.subList(0, Math.min(tickets.size(), SHOWN_TICKETS));
    }

    public int moreTickets() {
        return tickets.size() - shownTickets().size();
    }

    /**
     * A ticket named by an entry: its id (for the ticket page) and number (#10023). {@code number} is null when unknown: the
     * ticket is gone, or it is past the shown ones of an entry written before numbers were kept.
     */
    public record Ticket(long id, Long number) {
    }
}
