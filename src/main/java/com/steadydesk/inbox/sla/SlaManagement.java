package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of inbox asks of the SLA: a ticket's SLA status, a scan now, a full recalculation. */
@Service
public class SlaManagement {

    private final SlaClocks clocks;
    private final SlaScanner scanner;
    private final SlaEngine engine;
    private final Clock clock;

    SlaManagement(SlaClocks clocks, SlaScanner scanner, SlaEngine engine, Clock clock) {
        this.clocks = clocks;
        this.scanner = scanner;
        this.engine = engine;
        this.clock = clock;
    }

    /** The SLA of a ticket as of now (NONE when no policy applies or the ticket is unknown). */
    @Transactional(readOnly = true)
    public SlaStatus status(TicketId ticketId) {
        return clocks.find(ticketId).map(c -> {
            Instant now = Instant.now(clock);
            SlaClock current = c.overdue(now);
            Set<SlaMetric> breached = EnumSet.noneOf(SlaMetric.class);
            for (SlaMetric m : SlaMetric.values()) {
                if (current.breached(m)) {
                    breached.add(m);
                }
            }
            Instant pausedSince = clocks.facts(ticketId).map(SlaClocks.TicketFacts::pausedSince).orElse(null);
            var fr = current.firstResponse();
            var res = current.resolution();
            return new SlaStatus(current.state(now), clocks.policyName(current.policyId()),
                    fr == null ? null : fr.dueAt(), fr == null ? null : fr.doneAt(),
                    res == null ? null : res.dueAt(), res == null ? null : res.doneAt(),
                    current.held() ? pausedSince : null, Set.copyOf(breached));
        }).orElse(SlaStatus.NONE);
    }

    /** Moves tickets to AT_RISK / BREACHED now instead of at the next scheduled scan; answers how many were checked. */
    public int scanNow() {
        return scanner.scan(true);
    }

    /** Recalculates every open ticket's clock against the current policies and calendars; answers how many. */
    public int recalculateOpenTickets() {
        return engine.recalculateOpenTickets();
    }
}
