package com.steadydesk.inbox.sla;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Starts the SLA clocks of tickets being opened. The clock is worked out in memory before the ticket's row is
 * written, so the row goes in with its sla_* columns filled: an update right after the insert would rewrite every
 * index of the tickets table, and the clocks of a whole intake batch go to the database in one statement.
 */
@Component
public class SlaStarts {

    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final SlaClocks clocks;

    SlaStarts(SlaPolicies policies, BusinessCalendars calendars, SlaClocks clocks) {
        this.policies = policies;
        this.calendars = calendars;
        this.clocks = clocks;
    }

    /** What chooses a new ticket's policy, and its status once opened (an assigned ticket opens as OPEN). */
    public record Opening(Channel channel, TicketPriority priority, String vipTier, TicketStatus status, Instant openedAt) {
    }

    /** The clock a new ticket starts with, or none when no policy with targets applies. */
    public static final class Start {

        private static final Start NONE = new Start(null, null, null);

        private final SlaClock clock;
        private final SlaState state;
        private final Instant pausedSince;

        private Start(SlaClock clock, SlaState state, Instant pausedSince) {
            this.clock = clock;
            this.state = state == null ? SlaState.NONE : state;
            this.pausedSince = pausedSince;
        }

        public Long policyId() {
            return clock == null ? null : clock.policyId();
        }

        public Instant firstResponseDueAt() {
            return clock == null || clock.firstResponse() == null ? null : clock.firstResponse().dueAt();
        }

        public Instant resolutionDueAt() {
            return clock == null || clock.resolution() == null ? null : clock.resolution().dueAt();
        }

        public Instant pausedSince() {
            return pausedSince;
        }

        public String state() {
            return state.name();
        }

        public Instant nextDueAt() {
            return clock == null ? null : clock.nextDueAt();
        }
    }

    /** Works out the clock in memory; nothing is written. */
    public Start start(Opening opening) {
        VipTier tier = opening.vipTier() == null ? VipTier.NONE : VipTier.valueOf(opening.vipTier());
        Optional<SlaPolicy> policy = new SlaPolicyMatch(opening.channel(), opening.priority(), tier).bestOf(policies.all())
                .filter(SlaPolicy::hasTargets);
        if (policy.isEmpty()) {
            return Start.NONE;
        }
        BusinessCalendar calendar = calendars.calendarFor(policy.get().calendarId());
        SlaClock clock = SlaClock.start(policy.get(), calendar, opening.openedAt(), opening.status()).overdue(opening.openedAt());
        Instant pausedSince = opening.status() == TicketStatus.PENDING ? opening.openedAt() : null;
        return new Start(clock, clock.state(opening.openedAt()), pausedSince);
    }

    /** Stores the clocks of tickets whose rows were just inserted with {@link #start}'s projection. */
    public void saveAll(Map<Long, Start> byTicketId, Instant now) {
        Map<Long, SlaClock> running = new LinkedHashMap<>();
        byTicketId.forEach((ticketId, start) -> {
            if (start.clock != null) {
                running.put(ticketId, start.clock);
            }
        });
        clocks.insertAll(running, now);
    }
}
