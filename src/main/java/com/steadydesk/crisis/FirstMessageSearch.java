package com.steadydesk.crisis;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketSummary;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tickets whose first customer message holds the words, for bulk linking. A scan of message bodies over a million
 * tickets is out of the question, so the search index (subject and conversation of every ticket) proposes candidates
 * and each is checked against its first customer message: the index ranks loosely (any word, typos, synonyms) and
 * holds the whole conversation, while linking must take only what really says the words.
 */
@Component
class FirstMessageSearch {

    /** Candidates asked of the index: the most its public query answers. */
    static final int CANDIDATES = 100;
    private static final String TICKET_KIND = "ticket";

    private final SearchIndex index;
    private final TicketManagement tickets;

    FirstMessageSearch(SearchIndex index, TicketManagement tickets) {
        this.index = index;
        this.tickets = tickets;
    }

    /** Up to {@link #CANDIDATES} tickets of the channel (if any) whose first customer message contains the words, any case. */
    List<TicketSummary> matching(String words, Channel channel) {
        String needle = words.strip().toLowerCase(Locale.ROOT);
        Map<String, String> filters = channel == null ? Map.of() : Map.of("channel", channel.name());
        List<SearchHit> hits = index.rank(new SearchQuery(words.strip(), Set.of(TICKET_KIND), filters, false, CANDIDATES));
        return hits.stream().map(hit -> new TicketId(Long.parseLong(hit.id())))
                .filter(id -> firstCustomerMessage(id).map(m -> m.bodyText() != null && m.bodyText().toLowerCase(Locale.ROOT).contains(needle))
                        .orElse(false))
                .map(tickets::find).flatMap(Optional::stream).map(FirstMessageSearch::summary).toList();
    }

    private Optional<TicketMessage> firstCustomerMessage(TicketId id) {
        return tickets.messages(id).stream().filter(m -> "CUSTOMER".equals(m.kind()) && m.ticketId().equals(id)).findFirst();
    }

    private static TicketSummary summary(TicketDetails t) {
        return new TicketSummary(t.id(), t.number(), t.subject(), t.status(), t.priority(), t.channel(), t.customerId(),
                t.requesterVipTier(), t.assigneeId(), t.groupName(), t.tags(), t.createdAt(), t.updatedAt(), t.slaState(), t.slaNextDueAt());
    }
}
