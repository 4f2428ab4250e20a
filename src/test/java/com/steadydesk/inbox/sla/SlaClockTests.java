package com.steadydesk.inbox.sla;

import static com.steadydesk.inbox.sla.BusinessCalendarTests.officeHours;
import static com.steadydesk.inbox.sla.BusinessCalendarTests.shanghai;
import static com.steadydesk.inbox.sla.BusinessCalendarTests.withHolidays;
import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SlaClockTests {

    static final SlaPolicy CHAT = new SlaPolicy(1, "chat", Channel.CHAT, null, null, Duration.ofSeconds(30), Duration.ofHours(8), null, 75, true, 10);
    static final SlaPolicy EMAIL = new SlaPolicy(5, "default", null, null, null, Duration.ofHours(4), Duration.ofHours(27), 1L, 75, true, 50);
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z"); // Monday 10:00 in Shanghai

    @Example
    void chatIsAtRiskAfterThreeQuartersAndBreachedAtThirtySeconds() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        SlaClock clock = SlaClock.start(CHAT, always, T0, TicketStatus.NEW);
        assertThat(clock.firstResponse().dueAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(clock.state(T0.plusSeconds(22))).isEqualTo(SlaState.OK);
        assertThat(clock.nextCheckAt(T0.plusSeconds(22))).isEqualTo(T0.plusMillis(22_500));
        assertThat(clock.state(T0.plusMillis(22_500))).isEqualTo(SlaState.AT_RISK);
        assertThat(clock.nextCheckAt(T0.plusSeconds(23))).isEqualTo(T0.plusSeconds(30));
        SlaClock late = clock.overdue(T0.plusSeconds(30));
        assertThat(late.breached(SlaMetric.FIRST_RESPONSE)).isTrue();
        assertThat(late.state(T0.plusSeconds(30))).isEqualTo(SlaState.BREACHED);
        assertThat(late.nextCheckAt(T0.plusSeconds(30))).as("resolution is next").isEqualTo(T0.plus(Duration.ofHours(6)));
        assertThat(late.nextDueAt()).as("the overdue first response sorts first").isEqualTo(T0.plusSeconds(30));
    }

    @Example
    void aReplyInTimeMeetsTheFirstResponseTarget() {
        SlaClock clock = SlaClock.start(CHAT, BusinessCalendar.alwaysOpen(), T0, TicketStatus.NEW)
                .firstResponded(T0.plusSeconds(25), BusinessCalendar.alwaysOpen());
        assertThat(clock.firstResponse().done()).isTrue();
        assertThat(clock.overdue(T0.plusSeconds(40)).breached(SlaMetric.FIRST_RESPONSE)).isFalse();
        assertThat(clock.state(T0.plusSeconds(40))).isEqualTo(SlaState.OK);
        assertThat(clock.nextDueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
    }

    @Example
    void aLateReplyCountsAsABreach() {
        SlaClock clock = SlaClock.start(CHAT, BusinessCalendar.alwaysOpen(), T0, TicketStatus.NEW)
                .firstResponded(T0.plusSeconds(31), BusinessCalendar.alwaysOpen());
        assertThat(clock.breached(SlaMetric.FIRST_RESPONSE)).isTrue();
        assertThat(clock.state(T0.plusSeconds(31))).isEqualTo(SlaState.BREACHED);
    }

    @Example
    void theBusinessTimeUsedIsKeptWhenHeldAndWhenEndedPendingTimeLeftOutAndLatenessIncluded() {
        BusinessCalendar calendar = officeHours();
        SlaClock clock = SlaClock.start(EMAIL, calendar, T0, TicketStatus.NEW);
        assertThat(clock.firstResponse().used()).as("running: not yet known").isNull();
        // Monday 10:00 opened, pending at 16:00: 6 business hours used, the first response (due 14:00) 2 h late
        SlaClock pending = clock.statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, calendar, T0.plus(Duration.ofHours(6)));
        assertThat(pending.firstResponse().used()).isEqualTo(Duration.ofHours(6));
        assertThat(pending.firstResponse().remaining()).as("remaining stops at 0").isZero();
        assertThat(pending.resolution().used()).isEqualTo(Duration.ofHours(6));
        // solved from pending on Tuesday, closed on Wednesday: the pending and solved time does not count
        SlaClock solved = pending.statusChanged(TicketStatus.PENDING, TicketStatus.SOLVED, calendar, T0.plus(Duration.ofHours(25)));
        SlaClock closed = solved.statusChanged(TicketStatus.SOLVED, TicketStatus.CLOSED, calendar, T0.plus(Duration.ofHours(49)));
        assertThat(closed.firstResponse().used()).isEqualTo(Duration.ofHours(6));
        assertThat(closed.resolution().done()).isTrue();
        assertThat(closed.resolution().used()).isEqualTo(Duration.ofHours(6));
        // reopened (before the close): running again, so no time used is on record until it is held or ends again;
        // answered on Tuesday 11:00 after Monday 10:00-18:00 and Tuesday 09:00-11:00 = 10 business hours
        SlaClock reopened = solved.statusChanged(TicketStatus.SOLVED, TicketStatus.OPEN, calendar, T0.plus(Duration.ofHours(25)));
        assertThat(reopened.resolution().used()).isNull();
        SlaClock answered = clock.firstResponded(T0.plus(Duration.ofHours(25)), calendar);
        assertThat(answered.firstResponse().used()).isEqualTo(Duration.ofHours(10));
    }

    @Example
    void pendingHoldsTheClocksAndResumingShiftsThemByThePausedBusinessTime() {
        BusinessCalendar calendar = officeHours();
        SlaClock clock = SlaClock.start(EMAIL, calendar, shanghai("2026-11-27T17:00"), TicketStatus.NEW);
        assertThat(clock.firstResponse().dueAt()).isEqualTo(shanghai("2026-11-30T12:00"));
        // pending from Friday 17:30 to Monday 10:00: 30 min + 1 h of business time paused
        SlaClock paused = clock.statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, calendar, shanghai("2026-11-27T17:30"));
        assertThat(paused.held()).isTrue();
        assertThat(paused.nextCheckAt(shanghai("2026-12-07T09:00"))).as("nothing to check while paused").isNull();
        assertThat(paused.overdue(shanghai("2026-12-07T09:00")).state(shanghai("2026-12-07T09:00"))).isEqualTo(SlaState.OK);
        SlaClock resumed = paused.statusChanged(TicketStatus.PENDING, TicketStatus.OPEN, calendar, shanghai("2026-11-30T10:00"));
        assertThat(resumed.firstResponse().dueAt()).isEqualTo(shanghai("2026-11-30T13:30"));
    }

    @Example
    void reopeningContinuesTheResolutionClockWithTheTimeThatWasLeft() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        SlaClock clock = SlaClock.start(CHAT, always, T0, TicketStatus.NEW).firstResponded(T0.plusSeconds(10), BusinessCalendar.alwaysOpen());
        SlaClock solved = clock.statusChanged(TicketStatus.OPEN, TicketStatus.SOLVED, always, T0.plus(Duration.ofHours(2)));
        assertThat(solved.resolution().held()).isTrue();
        assertThat(solved.nextDueAt()).isNull();
        SlaClock reopened = solved.statusChanged(TicketStatus.SOLVED, TicketStatus.OPEN, always, T0.plus(Duration.ofDays(1)));
        assertThat(reopened.resolution().dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(6)));
        SlaClock closed = reopened.statusChanged(TicketStatus.OPEN, TicketStatus.CLOSED, always, T0.plus(Duration.ofDays(2)));
        assertThat(closed.resolution().done()).isTrue();
        assertThat(closed.statusChanged(TicketStatus.CLOSED, TicketStatus.OPEN, always, T0.plus(Duration.ofDays(3))).nextDueAt()).isNull();
    }

    @Example
    void solvingWithoutAReplyEndsTheFirstResponseTargetWithoutABreach() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        SlaClock solved = SlaClock.start(CHAT, always, T0, TicketStatus.NEW)
                .statusChanged(TicketStatus.NEW, TicketStatus.SOLVED, always, T0.plusSeconds(5));
        assertThat(solved.firstResponse().done()).isTrue();
        assertThat(solved.state(T0.plusSeconds(60))).isEqualTo(SlaState.OK);
    }

    @Example
    void aBreachStaysWhenTheTicketIsSolved() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        SlaClock solved = SlaClock.start(CHAT, always, T0, TicketStatus.NEW).overdue(T0.plusSeconds(31))
                .statusChanged(TicketStatus.OPEN, TicketStatus.SOLVED, always, T0.plusSeconds(60));
        assertThat(solved.state(T0.plusSeconds(60))).isEqualTo(SlaState.BREACHED);
    }

    @Example
    void aTighterPolicyKeepsTheTimeAlreadyUsed() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        SlaClock clock = SlaClock.start(CHAT, always, T0, TicketStatus.NEW);
        SlaPolicy tighter = new SlaPolicy(1, "chat", Channel.CHAT, null, null, Duration.ofSeconds(20), Duration.ofHours(8), null, 75, true, 10);
        SlaClock recalculated = clock.recalculated(tighter, always, T0.plusSeconds(12));
        assertThat(recalculated.firstResponse().dueAt()).isEqualTo(T0.plusSeconds(20));
        SlaClock used = clock.recalculated(tighter, always, T0.plusSeconds(25));
        assertThat(used.overdue(T0.plusSeconds(25)).breached(SlaMetric.FIRST_RESPONSE)).isTrue();
    }

    @Example
    void aTargetAddedWhilePendingWaitsForTheCustomerToo() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen();
        SlaPolicy firstResponseOnly = new SlaPolicy(1, "chat", Channel.CHAT, null, null, Duration.ofSeconds(30), null, null, 75, true, 10);
        SlaClock pending = SlaClock.start(firstResponseOnly, always, T0, TicketStatus.NEW)
                .statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, always, T0.plusSeconds(10));
        SlaClock recalculated = pending.recalculated(CHAT, always, T0.plusSeconds(3600));
        assertThat(recalculated.resolution().held()).isTrue();
        assertThat(recalculated.nextCheckAt(T0.plusSeconds(3600))).isNull();
        SlaClock resumed = recalculated.statusChanged(TicketStatus.PENDING, TicketStatus.OPEN, always, T0.plusSeconds(7200));
        assertThat(resumed.resolution().running()).isTrue();
        assertThat(resumed.firstResponse().dueAt()).isEqualTo(T0.plusSeconds(7220));
    }

    @Example
    void aTicketOpenedPendingStartsHeld() {
        SlaClock clock = SlaClock.start(CHAT, BusinessCalendar.alwaysOpen(), T0, TicketStatus.PENDING);
        assertThat(clock.held()).isTrue();
        assertThat(clock.firstResponse().remaining()).isEqualTo(Duration.ofSeconds(30));
    }

    @Property
    void pausingNeverMakesADueTimeEarlierAndShiftsItByThePausedBusinessTime(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll @LongRange(max = 300_000) long pauseAfter,
            @ForAll @LongRange(max = 400_000) long pauseFor) {
        SlaPolicy policy = new SlaPolicy(5, "p", null, null, null, Duration.ofHours(4), Duration.ofHours(27), 1L, 75, true, 1);
        SlaClock clock = SlaClock.start(policy, calendar, start, TicketStatus.NEW);
        Instant pausedAt = start.plusSeconds(pauseAfter);
        Instant resumedAt = pausedAt.plusSeconds(pauseFor);
        SlaClock resumed = clock.statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, calendar, pausedAt)
                .statusChanged(TicketStatus.PENDING, TicketStatus.OPEN, calendar, resumedAt);
        for (SlaMetric metric : SlaMetric.values()) {
            Instant before = clock.target(metric).dueAt();
            Instant after = resumed.target(metric).dueAt();
            assertThat(after).isAfterOrEqualTo(before);
            if (pausedAt.isBefore(before)) {
                assertThat(calendar.elapsed(before, after)).isEqualTo(calendar.elapsed(pausedAt, resumedAt));
            } else {
                assertThat(after).as("already overdue when paused").isEqualTo(before);
            }
        }
    }

    @Property
    void theAtRiskMomentComesBeforeTheDueTime(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 99) int percent, @ForAll @LongRange(min = 1, max = 200_000) long targetSeconds) {
        SlaPolicy policy = new SlaPolicy(5, "p", null, null, null, Duration.ofSeconds(targetSeconds), null, 1L, percent, true, 1);
        SlaClock clock = SlaClock.start(policy, calendar, start, TicketStatus.NEW);
        assertThat(clock.firstResponse().atRiskAt()).isBeforeOrEqualTo(clock.firstResponse().dueAt());
        assertThat(clock.state(clock.firstResponse().atRiskAt())).isEqualTo(SlaState.AT_RISK);
        assertThat(clock.nextCheckAt(start)).isAfterOrEqualTo(start);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(officeHours(), withHolidays(), BusinessCalendar.alwaysOpen());
    }

    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2026-09-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-12-31T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }
}
