package com.steadydesk.crisis;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.InboxQuery;
import com.steadydesk.inbox.InboxSort;
import com.steadydesk.inbox.InboxView;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketSummary;
import com.steadydesk.platform.Keyset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links tickets to a crisis in bulk from a search: words (in the subject, a ticket number, or the first customer
 * message), a tag, a channel and a date range, through the inbox's own query and, for the message, the search index
 * ({@link FirstMessageSearch}). "Link all" is bounded ({@link #MAX_LINK_ALL}) and links in batches, each
 * its own transaction, so that a long run keeps what it did and the timeline shows one entry per batch.
 */
@Service
public class BulkLinking {

    /** At most this many tickets are linked by one "link all". */
    public static final int MAX_LINK_ALL = 2000;
    /** At most this many matches in the first customer message (the search index's largest answer). */
    public static final int FIRST_MESSAGE_CANDIDATES = FirstMessageSearch.CANDIDATES;
    /** The inbox query's largest page, and the size of one linking batch. */
    static final int PAGE = 200;
    /** Rows read at most to answer one search (newer than the date range's end ones included), so a search stays bounded. */
    static final int MAX_SCAN = 20_000;

    private final CrisisManagement crises;
    private final TicketManagement tickets;
    private final FirstMessageSearch firstMessages;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    BulkLinking(CrisisManagement crises, TicketManagement tickets, FirstMessageSearch firstMessages, JdbcClient jdbc,
            @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.crises = crises;
        this.tickets = tickets;
        this.firstMessages = firstMessages;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    /** The first {@code show} matches (newest first, each marked if linked already) and how many match (up to the cap). */
    public SearchResult search(CrisisId id, TicketSearch search, int show) {
        crises.find(id);
        List<TicketSummary> matches = matches(search, MAX_LINK_ALL);
        Set<Long> linked = linkedAmong(id, matches.stream().limit(show).map(t -> t.id().value()).toList());
        List<Match> shown = matches.stream().limit(show).map(t -> new Match(t, linked.contains(t.id().value()))).toList();
        return new SearchResult(shown, Math.min(matches.size(), MAX_LINK_ALL), matches.size() > MAX_LINK_ALL);
    }

    /** Links every match (at most {@link #MAX_LINK_ALL}, newest first); answers what was matched and newly linked. */
    public LinkResult linkAll(CrisisId id, TicketSearch search) {
        crises.find(id);
        List<TicketSummary> matches = matches(search, MAX_LINK_ALL);
        List<TicketId> ids = matches.stream().limit(MAX_LINK_ALL).map(TicketSummary::id).toList();
        int linked = 0;
        for (int from = 0; from < ids.size(); from += PAGE) {
            linked += crises.linkTickets(id, ids.subList(from, Math.min(ids.size(), from + PAGE)), CrisisManagement.FROM_SEARCH);
        }
        return new LinkResult(ids.size(), linked, matches.size() > MAX_LINK_ALL);
    }

    /** Links the tickets picked from the search results. */
    public LinkResult linkSelected(CrisisId id, Collection<Long> ticketIds) {
        if (ticketIds == null || ticketIds.isEmpty()) {
            throw new IllegalArgumentException("pick at least one ticket");
        }
        if (ticketIds.size() > MAX_LINK_ALL) {
            throw new IllegalArgumentException("at most " + MAX_LINK_ALL + " tickets at once");
        }
        List<TicketId> ids = ticketIds.stream().distinct().map(TicketId::new).toList();
        return new LinkResult(ids.size(), crises.linkTickets(id, ids, CrisisManagement.FROM_SEARCH), false);
    }

    /**
     * Up to {@code cap} + 1 matches, newest first (one more than the cap tells that there are more): those the inbox
     * finds by subject or number, and those whose first customer message says the words.
     */
    private List<TicketSummary> matches(TicketSearch search, int cap) {
        Instant after = search.from() == null ? null : search.from().atStartOfDay(zone).toInstant();
        Instant before = search.to() == null ? null : search.to().plusDays(1).atStartOfDay(zone).toInstant();
        String tag = search.tag() == null || search.tag().isBlank() ? null : search.tag().strip();
        String words = search.words() == null || search.words().isBlank() ? null : search.words().strip();
        List<TicketSummary> found = bySubjectOrNumber(search, tag, words, after, before, cap);
        if (words == null) {
            return found;
        }
        Set<TicketId> seen = found.stream().map(TicketSummary::id).collect(Collectors.toCollection(HashSet::new));
        for (TicketSummary t : firstMessages.matching(words, search.channel())) {
            if (seen.add(t.id()) && (tag == null || t.tags().stream().anyMatch(tag::equalsIgnoreCase))
                    && (after == null || !t.createdAt().isBefore(after)) && (before == null || t.createdAt().isBefore(before))) {
                found.add(t);
            }
        }
        found.sort(Comparator.comparing(TicketSummary::createdAt).thenComparing(t -> t.id().value()).reversed());
        return found.size() > cap + 1 ? new ArrayList<>(found.subList(0, cap + 1)) : found;
    }

    private List<TicketSummary> bySubjectOrNumber(TicketSearch search, String tag, String words, Instant after, Instant before, int cap) {
        InboxQuery query = new InboxQuery(tag == null ? InboxView.ALL : InboxView.TAG, tag, null, null, search.channel(), null,
                words, InboxSort.CREATED, null, null, PAGE);
        List<TicketSummary> found = new ArrayList<>();
        int scanned = 0;
        while (true) {
            Keyset<TicketSummary> page = tickets.list(query);
            for (TicketSummary t : page.rows()) {
                if (after != null && t.createdAt().isBefore(after)) {
                    return found; // sorted by creation, newest first: nothing older can match
                }
                if (before == null || t.createdAt().isBefore(before)) {
                    found.add(t);
                    if (found.size() > cap) {
                        return found;
                    }
                }
            }
            scanned += page.rows().size();
            if (!page.hasNext() || scanned >= MAX_SCAN) {
                return found;
            }
            query = query.after(page.nextCursor());
        }
    }

    private Set<Long> linkedAmong(CrisisId id, List<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select ticket_id from crisis_linked_tickets where crisis_id = :c and ticket_id in (:ids)")
                .param("c", id.value()).param("ids", ticketIds).query(Long.class).list());
    }

    /** What to look for; every part may be empty. Dates are days in the display zone, both inclusive. */
    public record TicketSearch(String words, String tag, Channel channel, LocalDate from, LocalDate to) {

        public TicketSearch {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("the date range ends before it starts");
            }
            if (words != null && words.strip().length() > 200) {
                throw new IllegalArgumentException("search words have at most 200 characters");
            }
        }
    }

    /** A matching ticket; {@code linked}: linked to this crisis already. */
    public record Match(TicketSummary ticket, boolean linked) {
    }

    /** The matches shown and how many match in all; {@code more}: more than {@link #MAX_LINK_ALL} match. */
    public record SearchResult(List<Match> shown, int matching, boolean more) {
    }

    /** {@code matched}: tickets taken; {@code linked}: newly linked (others were linked already); {@code truncated}: the cap cut it. */
    public record LinkResult(int matched, int linked, boolean truncated) {
    }
}
