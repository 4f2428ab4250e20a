package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.TicketStatus;
import java.time.Duration;
import java.time.Instant;
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
 */
record SlaClock(Long policyId, int atRiskPercent, Instant startedAt, Target firstResponse, Target resolution) {

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
        return new SlaClock(policyId, atRiskPercent, startedAt, fr, res);
    }

    /** Marks running targets whose due time has come as breached. */
    SlaClock overdue(Instant now) {
        return new SlaClock(policyId, atRiskPercent, startedAt,
                firstResponse == null ? null : firstResponse.overdue(now),
                resolution == null ? null : resolution.overdue(now));
    }

    /**
     * The same ticket under another (or an edited) policy or calendar: the business time already used is kept and
     * the new target applies to it; a target the old policy did not have counts from the start (pauses ignored).
     */
    SlaClock recalculated(SlaPolicy policy, BusinessCalendar calendar, Instant now) {
        boolean held = held();
        return new SlaClock(policy.id(), policy.atRiskPercent(), startedAt,
                Target.recalculated(firstResponse, policy.firstResponseTarget(), policy.atRiskPercent(), calendar, startedAt, now, held),
                Target.recalculated(resolution, policy.resolutionTarget(), policy.atRiskPercent(), calendar, startedAt, now, held));
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
        return new SlaClock(policyId, atRiskPercent, startedAt, fr, resolution);
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

        /** @param clockHeld the ticket is pending or solved: a target the old policy did not have starts held too */
        static Target recalculated(Target old, Duration newTarget, int atRiskPercent, BusinessCalendar calendar,
                Instant startedAt, Instant now, boolean clockHeld) {
            if (newTarget == null) {
                return null;
            }
            if (old != null && old.done()) {
                return new Target(newTarget, old.dueAt, old.atRiskAt, null, old.doneAt, old.breached, old.used);
            }
            Duration used;
            if (old == null) {
                used = calendar.elapsed(startedAt, now);
            } else {
                Duration left = old.held() ? old.remaining : calendar.elapsed(now, old.dueAt);
                used = old.target.minus(left);
                used = used.isNegative() ? Duration.ZERO : used;
            }
            Duration left = newTarget.minus(used);
            left = left.isNegative() ? Duration.ZERO : left;
            boolean breached = old != null && old.breached;
            if (old != null && old.held()) {
                return new Target(newTarget, old.dueAt, old.atRiskAt, left, null, breached, old.used != null ? old.used : used);
            }
            if (old == null && clockHeld) {
                return new Target(newTarget, now, now, left, null, false, used);
            }
            if (left.isZero()) {
                // the new target was already used up: due now, the next scan records the breach
                Instant due = breached ? old.dueAt : now;
                return new Target(newTarget, due, old != null && old.atRiskAt.isBefore(now) ? old.atRiskAt : now, null, null, breached, null);
            }
            return running(newTarget, left, atRiskPercent, calendar, now, old == null ? now : old.atRiskAt, breached);
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
