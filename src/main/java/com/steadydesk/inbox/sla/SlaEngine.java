package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.MessageAdded;
import com.steadydesk.inbox.SlaBreached;
import com.steadydesk.inbox.TicketChanged;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.inbox.TicketStatusChanged;
import com.steadydesk.inbox.sla.SlaClocks.TicketFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every ticket's SLA clock in step with what happens to the ticket (a new ticket's clock is started with its
 * row, by {@link SlaStarts}). The listeners are synchronous, so the
 * clock changes in the same transaction as the ticket and a list never shows a ticket without its due times.
 */
@Component
class SlaEngine {

    private static final Logger log = LoggerFactory.getLogger(SlaEngine.class);
    private static final int RECALCULATION_CHUNK = 500;

    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final SlaClocks clocks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaEngine(SlaPolicies policies, BusinessCalendars calendars, SlaClocks clocks, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock) {
        this.policies = policies;
        this.calendars = calendars;
        this.clocks = clocks;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(MessageAdded event) {
        if (!"REPLY".equals(event.kind())) {
            return;
        }
        Instant now = now();
        clocks.findForUpdate(event.ticketId()).ifPresent(before ->
                apply(event.ticketId(), before, before.firstResponded(now, calendarOf(before).orElse(null)), now, null, false));
    }

    @EventListener
    @Transactional
    void on(TicketStatusChanged event) {
        if (event.from() == event.to()) {
            return;
        }
        Instant now = now();
        TicketId id = event.ticketId();
        clocks.findForUpdate(id).ifPresent(before -> calendarOf(before).ifPresent(calendar -> {
            Instant pausedSince = event.to() == TicketStatus.PENDING ? now : null;
            SlaClock after = before.statusChanged(event.from(), event.to(), calendar, now);
            apply(id, before, after, now, pausedSince, true);
        }));
    }

    /**
     * Priority or VIP tier may have changed (automation escalating to URGENT, a customer becoming VIP): when another
     * policy now fits, the clock moves to it, keeping the time already used. Our own TicketChanged ends here at once.
     */
    @EventListener
    @Transactional
    void on(TicketChanged event) {
        TicketId id = event.ticketId();
        Optional<TicketFacts> facts = clocks.facts(id);
        if (facts.isEmpty() || facts.get().status() == TicketStatus.SOLVED || facts.get().status() == TicketStatus.CLOSED) {
            return;
        }
        Long fitting = facts.get().match().bestOf(policies.all()).filter(SlaPolicy::hasTargets).map(SlaPolicy::id).orElse(null);
        Optional<SlaClock> existing = clocks.find(id);
        if (existing.isEmpty() || java.util.Objects.equals(fitting, existing.get().policyId())) {
            return; // no clock (no policy matched at opening: recalculation starts one) or still the right policy
        }
        recalculate(id, now());
    }

    /** Recalculates all open tickets after a policy or calendar change, in chunks, each in its own transaction. */
    @ApplicationModuleListener(id = "inbox-sla-recalculate")
    void on(SlaRulesChanged event) {
        log.info("SLA rules changed ({}): recalculating open tickets", event.what());
        recalculateOpenTickets();
    }

    int recalculateOpenTickets() {
        long afterId = 0;
        int done = 0;
        while (true) {
            List<TicketId> chunk = clocks.openTicketsAfter(afterId, RECALCULATION_CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            Instant now = now();
            transactions.executeWithoutResult(status -> chunk.forEach(id -> recalculate(id, now)));
            done += chunk.size();
            afterId = chunk.get(chunk.size() - 1).value();
            log.info("SLA recalculation: {} open tickets done (last id {})", done, afterId);
        }
        return done;
    }

    /** Advances one ticket's clock to {@code now} (at risk, breached); called by the scanner. */
    void tick(TicketId id, Instant now) {
        clocks.findForUpdate(id).ifPresent(before -> apply(id, before, before, now, null, false));
    }

    private void recalculate(TicketId id, Instant now) {
        Optional<TicketFacts> facts = clocks.facts(id);
        if (facts.isEmpty()) {
            return;
        }
        Optional<SlaClock> existing = clocks.findForUpdate(id);
        Optional<SlaPolicy> policy = facts.get().match().bestOf(policies.all()).filter(SlaPolicy::hasTargets);
        if (existing.isEmpty() || policy.isEmpty()) {
            startOrClear(id, facts.get(), facts.get().createdAt(), now);
            return;
        }
        BusinessCalendar calendar = calendars.calendarFor(policy.get().calendarId());
        apply(id, existing.get(), existing.get().recalculated(policy.get(), calendar, now), now, null, false);
    }

    private void startOrClear(TicketId id, TicketFacts facts, Instant openedAt, Instant now) {
        Optional<SlaPolicy> policy = facts.match().bestOf(policies.all()).filter(SlaPolicy::hasTargets);
        if (policy.isEmpty()) {
            clocks.clear(id);
            return;
        }
        BusinessCalendar calendar = calendars.calendarFor(policy.get().calendarId());
        SlaClock started = SlaClock.start(policy.get(), calendar, openedAt, facts.status());
        Instant pausedSince = facts.status() == TicketStatus.PENDING ? openedAt : null;
        apply(id, started, started, now, pausedSince, true);
    }

    /**
     * Stores the new clock: records breaches that happened (publishing {@code SlaBreached} once per metric), projects
     * the clock onto the ticket and tells the live inbox when the SLA state changed.
     *
     * @param setPause whether {@code pausedSince} replaces the stored pause start (status changes) or it is kept
     */
    private void apply(TicketId id, SlaClock before, SlaClock changed, Instant now, Instant pausedSince, boolean setPause) {
        SlaClock after = changed.overdue(now);
        for (SlaMetric metric : SlaMetric.values()) {
            if (after.breached(metric) && !before.breached(metric)) {
                Instant dueAt = after.target(metric).dueAt();
                if (clocks.recordBreach(id, metric, dueAt, now)) {
                    log.info("Ticket {} missed its {} target (due {})", id.value(), metric, dueAt);
                    events.publishEvent(new SlaBreached(id, metric.name(), dueAt));
                }
            } else if (!after.breached(metric) && before.breached(metric) && after.target(metric) != null
                    && clocks.withdrawBreach(id, metric)) {
                // only a recalculation gets here: the new calendar or policy moved the due time past now
                log.info("Ticket {} is within its {} target again after a recalculation (due {})", id.value(), metric,
                        after.target(metric).dueAt());
            }
        }
        TicketFacts facts = clocks.facts(id).orElseThrow();
        SlaState state = after.state(now);
        clocks.save(id, after, state, after.nextCheckAt(now), setPause ? pausedSince : facts.pausedSince());
        if (state != facts.storedState()) {
            events.publishEvent(new TicketChanged(id));
        }
    }

    private Optional<BusinessCalendar> calendarOf(SlaClock slaClock) {
        return Optional.ofNullable(slaClock.policyId()).flatMap(policies::find).map(p -> calendars.calendarFor(p.calendarId()));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
