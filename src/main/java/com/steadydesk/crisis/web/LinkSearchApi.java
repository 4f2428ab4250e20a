package com.steadydesk.crisis.web;

import com.steadydesk.channels.Channel;
import com.steadydesk.crisis.BulkLinking;
import com.steadydesk.crisis.CrisisId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Linking tickets to a crisis from a search: GET /ticket-search shows what matches (and how many), POST
 * /linked-tickets/from-search links every match (at most {@link BulkLinking#MAX_LINK_ALL}).
 */
@RestController
@RequestMapping("/api/v1/crises/{id}")
class LinkSearchApi {

    private final BulkLinking bulkLinking;

    LinkSearchApi(BulkLinking bulkLinking) {
        this.bulkLinking = bulkLinking;
    }

    @GetMapping("/ticket-search")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    BulkLinking.SearchResult search(@PathVariable long id, @RequestParam(required = false) String words,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "50") int show) {
        return bulkLinking.search(new CrisisId(id), new BulkLinking.TicketSearch(words, tag, channel, from, to), Math.max(1, Math.min(show, 200)));
    }

    @PostMapping("/linked-tickets/from-search")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    BulkLinking.LinkResult linkAll(@PathVariable long id, @RequestBody SearchBody body) {
        CrisisId crisis = new CrisisId(id);
        return body.ticketIds() != null && !body.ticketIds().isEmpty() ? bulkLinking.linkSelected(crisis, body.ticketIds())
                : bulkLinking.linkAll(crisis, new BulkLinking.TicketSearch(body.words(), body.tag(), body.channel(), body.from(), body.to()));
    }

    /** The search whose every match is linked, or the picked {@code ticketIds} from its results. */
    record SearchBody(String words, String tag, Channel channel, LocalDate from, LocalDate to, List<Long> ticketIds) {
    }
}
