package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SLA timers of one ticket, as a value: every event answers a new clock, so the rules live here and not in SQL.
 * <ul>
 * <li>Targets run while the ticket is NEW, OPEN or ON_HOLD. PENDING (waiting for the customer) holds them: the
 * business time left is kept and, on leaving PENDING, the due times continue from there, i.e. they shift by the
 * business time spent pending.</li>
 * <li>The first public reply meets the first-response target; SOLVED or CLOSED ends it too.</li>
 * <li>SOLVED holds the resolution target like PENDING does, so reopening continues with the time that was left
 * (solving early does not buy a fresh target); CLOSED ends it for good.</li>
 * <li>A target is at risk once {@code atRiskPercent} of it has passed and breached at its due time; a breach stays.</li>
 * </ul>
 *
 * @param startedAt when the clock started (ticket opened)
 * @param pauses    the spells in which no target ran (pending, solved), oldest first; the last may still last. They
 *                  are wall-clock times, so a changed calendar or policy recounts the business time used from
 *                  {@code startedAt} on the new calendar (see {@link #recalculated}) instead of trusting due times
 *                  that the old calendar computed.
 */
record SlaClock(Long policyId, int atRiskPercent, Instant startedAt, Target firstResponse, Target resolution,
        List<Pause> pauses) {

    SlaClock {
        pauses = List.copyOf(pauses);
    }

    SlaClock(Long policyId, int atRiskPercent, Instant startedAt, Target firstResponse, Target resolution) {
        this(policyId, atRiskPercent, startedAt, firstResponse, resolution, List.of());
    }

    /** Starts the targets of the policy now; a ticket that opens outside NEW/OPEN/ON_HOLD starts held. */
    static SlaClock start(SlaPolicy policy, BusinessCalendar calendar, Instant now, TicketStatus status) {
        SlaClock clock = new SlaClock(policy.id(), policy.atRiskPercent(), now,
                Target.start(policy.firstResponseTarget(), policy.atRiskPercent(), calendar, now),
                Target.start(policy.resolutionTarget(), policy.atRiskPercent(), calendar, now));
        if (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
            return clock.statusChanged(TicketStatus.OPEN, status, calendar, now);
        }
        return runs(status) ? clock : clock.statusChanged(TicketStatus.OPEN, status, calendar, now);
    }

    static boolean runs(TicketStatus status) {
        return status.isActive();
    }

    /** The first public reply was sent; {@code calendar} null when the policy is gone (the time used stays unknown). */
    SlaClock firstResponded(Instant now, BusinessCalendar calendar) {
        return withFirstResponse(firstResponse == null ? null : firstResponse.end(now, calendar));
    }

    /** Applies a status change: holds, resumes or ends targets. */
    SlaClock statusChanged(TicketStatus from, TicketStatus to, BusinessCalendar calendar, Instant now) {
        Target fr = firstResponse;
        Target res = resolution;
        if (to == TicketStatus.SOLVED || to == TicketStatus.CLOSED) {
            fr = fr == null ? null : fr.end(now, calendar);
            res = res == null ? null : to == TicketStatus.CLOSED ? res.end(now, calendar) : res.hold(now, calendar);
        } else if (runs(to) && !runs(from)) {
            fr = fr == null ? null : fr.resume(now, calendar, atRiskPercent);
            res = res == null ? null : res.resume(now, calendar, atRiskPercent);
        } else if (!runs(to) && runs(from)) {
            fr = fr == null ? null : fr.hold(now, calendar);
            res = res == null ? null : res.hold(now, calendar);
        }
        return new SlaClock(policyId, atRiskPercent, startedAt, fr, res, pausesAfter(from, to, now));
    }

    /** A spell without running targets starts when the ticket leaves the running statuses and ends when it comes back. */
    private List<Pause> pausesAfter(TicketStatus from, TicketStatus to, Instant now) {
        boolean pausedNow = !pauses.isEmpty() && pauses.get(pauses.size() - 1).ongoing();
        List<Pause> next = new ArrayList<>(pauses);
        if (!runs(to) && to != TicketStatus.CLOSED && !pausedNow) {
            next.add(new Pause(now, null));
        } else if (runs(to) && pausedNow) {
            next.set(next.size() - 1, new Pause(next.get(next.size() - 1).from(), now));
        }
        return next;
    }

    /** Marks running targets whose due time has come as breached. */
    SlaClock overdue(Instant now) {
        return new SlaClock(policyId, atRiskPercent, startedAt,
                firstResponse == null ? null : firstResponse.overdue(now),
                resolution == null ? null : resolution.overdue(now), pauses);
    }

    /**
     * The same ticket under another (or an edited) policy or calendar. A target still open is recounted from the
     * start: the business time used is the open time since {@code startedAt} on the new calendar less the pauses, so
     * its due time is where that reaches the new target. Nothing of the old calendar's due times survives, which is
     * why adding a holiday and removing it again gives every due time back, and a holiday ahead only moves due times
     * later. Breach flags of open targets follow the new due times (the caller withdraws breaches that no longer
     * hold); ended targets keep what they had.
     */
    SlaClock recalculated(SlaPolicy policy, BusinessCalendar calendar, Instant now) {
        return new SlaClock(policy.id(), policy.atRiskPercent(), startedAt,
                recounted(firstResponse, policy.firstResponseTarget(), policy.atRiskPercent(), calendar, now),
                recounted(resolution, policy.resolutionTarget(), policy.atRiskPercent(), calendar, now), pauses);
    }

    private Target recounted(Target old, Duration newTarget, int percent, BusinessCalendar calendar, Instant now) {
        if (newTarget == null) {
            return null;
        }
        if (old != null && old.done()) {
            return new Target(newTarget, old.dueAt, old.atRiskAt, null, old.doneAt, old.breached, old.used);
        }
        List<Pause> finished = pauses.stream().filter(p -> !p.ongoing()).toList();
        // while paused, the due time shown is the one the target had when the pause began
        Instant dueAt = reached(calendar, finished, newTarget);
        Instant atRiskAt = reached(calendar, finished, Target.untilAtRisk(newTarget, percent));
        if (pausedNow()) {
            Duration used = usedBy(calendar, now);
            Duration left = newTarget.minus(used);
            boolean late = left.isNegative() || left.isZero();
            return new Target(newTarget, dueAt, atRiskAt, late ? Duration.ZERO : left, null, late, used);
        }
        return new Target(newTarget, dueAt, atRiskAt, null, null, !now.isBefore(dueAt), null);
    }

    private boolean pausedNow() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).ongoing();
    }

    /** Business time counted from the start until {@code at}, pauses left out. */
    Duration usedBy(BusinessCalendar calendar, Instant at) {
        Duration used = calendar.elapsed(startedAt, at);
        for (Pause p : pauses) {
            Instant from = p.from().isBefore(startedAt) ? startedAt : p.from();
            Instant until = p.ongoing() || p.until().isAfter(at) ? at : p.until();
            used = used.minus(calendar.elapsed(from, until));
        }
        return used;
    }

    /** The instant at which {@code amount} of business time has been counted from the start, the given pauses left out. */
    private Instant reached(BusinessCalendar calendar, List<Pause> finished, Duration amount) {
        Instant from = startedAt;
        Duration left = amount;
        for (Pause p : finished) {
            if (!p.until().isAfter(from)) {
                continue;
            }
            Instant segmentEnd = p.from().isAfter(from) ? p.from() : from;
            Duration available = calendar.elapsed(from, segmentEnd);
            if (available.compareTo(left) >= 0) {
                return calendar.add(from, left);
            }
            left = left.minus(available);
            from = p.until();
        }
        return calendar.add(from, left);
    }

    SlaState state(Instant now) {
        if (targets().anyMatch(Target::breached)) {
            return SlaState.BREACHED;
        }
        if (targets().anyMatch(t -> t.atRisk(now, atRiskPercent))) {
            return SlaState.AT_RISK;
        }
        return targets().findAny().isPresent() ? SlaState.OK : SlaState.NONE;
    }

    /** The earliest due time of a running target (overdue ones included, they sort first); null when none runs. */
    Instant nextDueAt() {
        return targets().filter(Target::running).map(Target::dueAt).min(Instant::compareTo).orElse(null);
    }

    /** When the state can change next without an event (at risk, then due); null when nothing is running. */
    Instant nextCheckAt(Instant now) {
        return targets().filter(t -> t.running() && !t.breached())
                .map(t -> now.isBefore(t.atRiskAt()) ? t.atRiskAt() : t.dueAt())
                .min(Instant::compareTo).orElse(null);
    }

    /** True when no target runs because the ticket is pending or solved. */
    boolean held() {
        return targets().anyMatch(Target::held) && targets().noneMatch(Target::running);
    }

    boolean breached(SlaMetric metric) {
        Target t = target(metric);
        return t != null && t.breached();
    }

    Target target(SlaMetric metric) {
        return metric == SlaMetric.FIRST_RESPONSE ? firstResponse : resolution;
    }

    private SlaClock withFirstResponse(Target fr) {
        return new SlaClock(policyId, atRiskPercent, startedAt, fr, resolution, pauses);
    }

    /** A spell without running targets, {@code [from, until)}; {@code until} null while it lasts. */
    record Pause(Instant from, Instant until) {

        boolean ongoing() {
            return until == null;
        }

        /** "from/until" in ISO-8601, until empty while it lasts: the form stored in {@code sla_clocks.pauses}. */
        @Override
        public String toString() {
            return from + "/" + (until == null ? "" : until);
        }

        static List<Pause> parseAll(String text) {
            List<Pause> list = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return list;
            }
            for (String one : text.split(";")) {
                String[] ends = one.split("/", -1);
                list.add(new Pause(Instant.parse(ends[0]), ends[1].isEmpty() ? null : Instant.parse(ends[1])));
            }
            return list;
        }

        static String formatAll(List<Pause> pauses) {
            return pauses.isEmpty() ? null : String.join(";", pauses.stream().map(Pause::toString).toList());
        }
    }

    private Stream<Target> targets() {
        return Stream.of(firstResponse, resolution).filter(t -> t != null);
    }

    /**
     * One target. Running: {@code remaining} and {@code doneAt} null. Held (pending, solved): {@code remaining} is the
     * business time that was left. Done: {@code doneAt} set. {@code dueAt}/{@code atRiskAt} keep their last values
     * while held or done, for display.
     *
     * @param used business time the target has run, pending time left out, as of its last hold or its end (beyond
     *             the target when late, unlike {@code remaining}, which stops at 0); null while running, and for
     *             targets that ended before it was recorded or without a calendar. Business-hours statistics read it.
     */
    record Target(Duration target, Instant dueAt, Instant atRiskAt, Duration remaining, Instant doneAt, boolean breached,
            Duration used) {

        static Target start(Duration target, int atRiskPercent, BusinessCalendar calendar, Instant now) {
            if (target == null) {
                return null;
            }
            return new Target(target, calendar.add(now, target), calendar.add(now, untilAtRisk(target, atRiskPercent)),
                    null, null, false, null);
        }

        boolean running() {
            return doneAt == null && remaining == null;
        }

        boolean held() {
            return doneAt == null && remaining != null;
        }

        boolean done() {
            return doneAt != null;
        }

        boolean atRisk(Instant now, int atRiskPercent) {
            if (running()) {
                return !now.isBefore(atRiskAt);
            }
            // a held target keeps the state it had; a finished one no longer needs attention
            return held() && remaining.compareTo(slack(target, atRiskPercent)) <= 0;
        }

        /** Ends the target; a held one keeps the time it had used when it was held (pending time does not count). */
        Target end(Instant now, BusinessCalendar calendar) {
            if (done()) {
                return this;
            }
            boolean late = running() && now.isAfter(dueAt);
            Duration usedNow = !running() ? used : calendar == null ? null : usedBy(now, calendar);
            return new Target(target, dueAt, atRiskAt, null, now, breached || late, usedNow);
        }

        Target hold(Instant now, BusinessCalendar calendar) {
            if (!running()) {
                return this;
            }
            boolean late = !now.isBefore(dueAt);
            Duration left = late ? Duration.ZERO : calendar.elapsed(now, dueAt);
            return new Target(target, dueAt, atRiskAt, left, null, breached || late, usedBy(now, calendar));
        }

        /**
         * Business time used by a running target at {@code now}: the due time already moved by every pause, so the
         * target minus what is left until it, or plus the business time since it when late.
         */
        private Duration usedBy(Instant now, BusinessCalendar calendar) {
            return now.isBefore(dueAt) ? target.minus(calendar.elapsed(now, dueAt)) : target.plus(calendar.elapsed(dueAt, now));
        }

        Target resume(Instant now, BusinessCalendar calendar, int atRiskPercent) {
            if (!held()) {
                return this;
            }
            if (remaining.isZero()) {
                // already overdue when held: it stays due (and breached) where it was
                return new Target(target, dueAt, atRiskAt, null, null, breached, null);
            }
            return running(target, remaining, atRiskPercent, calendar, now, atRiskAt, breached);
        }

        Target overdue(Instant now) {
            return running() && !breached && !now.isBefore(dueAt)
                    ? new Target(target, dueAt, atRiskAt, null, null, true, null) : this;
        }

        private static Target running(Duration target, Duration left, int atRiskPercent, BusinessCalendar calendar,
                Instant now, Instant previousAtRiskAt, boolean breached) {
            Duration slack = slack(target, atRiskPercent);
            Instant atRiskAt = left.compareTo(slack) > 0 ? calendar.add(now, left.minus(slack))
                    : previousAtRiskAt.isBefore(now) ? previousAtRiskAt : now;
            return new Target(target, calendar.add(now, left), atRiskAt, null, null, breached, null);
        }

        /** Business time from the start until the at-risk threshold. */
        static Duration untilAtRisk(Duration target, int atRiskPercent) {
            return Duration.ofMillis(target.toMillis() * atRiskPercent / 100);
        }

        /** Business time left when the target becomes at risk. */
        static Duration slack(Duration target, int atRiskPercent) {
            return target.minus(untilAtRisk(target, atRiskPercent));
        }
    }
}
