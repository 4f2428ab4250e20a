package com.steadydesk.inbox.sla;

import static com.steadydesk.inbox.sla.BusinessCalendarTests.officeHours;
import static com.steadydesk.inbox.sla.BusinessCalendarTests.shanghai;
import static com.steadydesk.inbox.sla.BusinessCalendarTests.withHolidays;
import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Example
    void aHolidayDeclaredForTodayMovesTheDueTimesInsteadOfBreachingThem() {
        // opened Monday 10:00, FR due 14:00, resolution Thursday 10:00 (27 h); at 11:00 Monday becomes a day off
        SlaClock clock = SlaClock.start(EMAIL, officeHours(), T0, TicketStatus.NEW);
        Instant now = shanghai("2026-11-30T11:00");
        SlaClock onHoliday = clock.recalculated(EMAIL, officeHoursWithout(LocalDate.of(2026, 11, 30)), now).overdue(now);
        assertThat(onHoliday.breached(SlaMetric.FIRST_RESPONSE)).isFalse();
        assertThat(onHoliday.state(now)).isEqualTo(SlaState.OK);
        assertThat(onHoliday.firstResponse().dueAt()).as("nothing counted on the holiday: Tuesday 09:00 + 4 h")
                .isEqualTo(shanghai("2026-12-01T13:00"));
        assertThat(onHoliday.resolution().dueAt()).isEqualTo(shanghai("2026-12-03T18:00"));
        SlaClock restored = onHoliday.recalculated(EMAIL, officeHours(), now);
        assertThat(restored.firstResponse().dueAt()).isEqualTo(shanghai("2026-11-30T14:00"));
        assertThat(restored.resolution().dueAt()).isEqualTo(shanghai("2026-12-03T10:00"));
    }

    @Example
    void aHolidayAheadMovesTheDueTimeLater() {
        SlaClock clock = SlaClock.start(EMAIL, officeHours(), T0, TicketStatus.NEW);
        SlaClock moved = clock.recalculated(EMAIL, officeHoursWithout(LocalDate.of(2026, 12, 1)), T0.plusSeconds(60));
        assertThat(moved.firstResponse().dueAt()).isEqualTo(shanghai("2026-11-30T14:00"));
        assertThat(moved.resolution().dueAt()).as("Tuesday off: a day later").isEqualTo(shanghai("2026-12-04T10:00"));
    }

    @Example
    void aHolidayCountsWithoutThePendingTime() {
        // pending Monday 11:00 to Tuesday 11:00 (9 business hours paused), 1 h used before; Wednesday declared off
        SlaClock clock = SlaClock.start(EMAIL, officeHours(), T0, TicketStatus.NEW)
                .statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, officeHours(), shanghai("2026-11-30T11:00"))
                .statusChanged(TicketStatus.PENDING, TicketStatus.OPEN, officeHours(), shanghai("2026-12-01T11:00"));
        assertThat(clock.resolution().dueAt()).isEqualTo(shanghai("2026-12-04T10:00"));
        SlaClock moved = clock.recalculated(EMAIL, officeHoursWithout(LocalDate.of(2026, 12, 2)), shanghai("2026-12-01T12:00"));
        assertThat(moved.resolution().dueAt()).isEqualTo(shanghai("2026-12-07T10:00"));
        assertThat(moved.firstResponse().dueAt()).as("1 h before the pause, 3 h after it").isEqualTo(shanghai("2026-12-01T14:00"));
    }

    @Example
    void aMakeUpWorkdayBringsTheDueTimeForward() {
        // opened Friday 27 Nov 17:00; Saturday 28 Nov made a working day (调休) with Monday's hours
        SlaClock clock = SlaClock.start(EMAIL, officeHours(), shanghai("2026-11-27T17:00"), TicketStatus.NEW);
        BusinessCalendar withSaturday = BusinessCalendar.of(BusinessCalendarTests.SHANGHAI, BusinessCalendarTests.weekdays("09:00-18:00"),
                Set.of(), Map.of(LocalDate.of(2026, 11, 28), DayOfWeek.MONDAY));
        SlaClock earlier = clock.recalculated(EMAIL, withSaturday, shanghai("2026-11-27T17:30"));
        assertThat(earlier.firstResponse().dueAt()).isEqualTo(shanghai("2026-11-28T12:00"));
    }

    @Example
    void aHolidayCountsInTheCalendarsOwnTimeZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BusinessCalendar nyc = BusinessCalendar.of(newYork, BusinessCalendarTests.weekdays("09:00-18:00"), Set.of(), Map.of());
        BusinessCalendar thanksgiving = BusinessCalendar.of(newYork, BusinessCalendarTests.weekdays("09:00-18:00"),
                Set.of(LocalDate.of(2026, 11, 26)), Map.of());
        Instant wednesday4pm = LocalDate.of(2026, 11, 25).atTime(16, 0).atZone(newYork).toInstant();
        SlaClock clock = SlaClock.start(EMAIL, nyc, wednesday4pm, TicketStatus.NEW);
        assertThat(clock.firstResponse().dueAt()).isEqualTo(LocalDate.of(2026, 11, 26).atTime(11, 0).atZone(newYork).toInstant());
        SlaClock moved = clock.recalculated(EMAIL, thanksgiving, wednesday4pm.plusSeconds(60));
        assertThat(moved.firstResponse().dueAt()).isEqualTo(LocalDate.of(2026, 11, 27).atTime(11, 0).atZone(newYork).toInstant());
    }

    @Example
    void aBreachThatTheNewCalendarDoesNotConfirmIsTakenBack() {
        SlaClock late = SlaClock.start(EMAIL, officeHours(), T0, TicketStatus.NEW).overdue(shanghai("2026-11-30T15:00"));
        assertThat(late.breached(SlaMetric.FIRST_RESPONSE)).isTrue();
        SlaClock recounted = late.recalculated(EMAIL, officeHoursWithout(LocalDate.of(2026, 11, 30)), shanghai("2026-11-30T15:00"));
        assertThat(recounted.breached(SlaMetric.FIRST_RESPONSE)).isFalse();
    }

    @Property
    void addingThenRemovingAHolidayRestoresEveryDueTime(@ForAll("specs") CalendarSpec spec, @ForAll("instants") Instant start,
            @ForAll @LongRange(max = 400_000) long pauseAfter, @ForAll @LongRange(max = 400_000) long pauseFor,
            @ForAll @LongRange(max = 600_000) long nowAfter, @ForAll boolean stillPending,
            @ForAll @IntRange(min = -5, max = 30) int holidayOffsetDays) {
        BusinessCalendar base = spec.calendar(Set.of());
        Instant now = start.plusSeconds(pauseAfter + pauseFor + nowAfter);
        SlaClock clock = withPause(base, start, pauseAfter, pauseFor, stillPending);
        LocalDate holiday = now.atZone(spec.zone()).toLocalDate().plusDays(holidayOffsetDays);

        SlaClock recounted = clock.recalculated(EMAIL, base, now);
        SlaClock withHoliday = recounted.recalculated(EMAIL, spec.calendar(Set.of(holiday)), now);
        SlaClock restored = withHoliday.recalculated(EMAIL, base, now);

        for (SlaMetric metric : SlaMetric.values()) {
            assertThat(recounted.target(metric).dueAt()).as("recounting on the same calendar changes nothing")
                    .isEqualTo(clock.target(metric).dueAt());
            assertThat(restored.target(metric)).isEqualTo(recounted.target(metric));
            assertThat(withHoliday.target(metric).dueAt()).as("a day off never brings a due time forward")
                    .isAfterOrEqualTo(recounted.target(metric).dueAt());
        }
    }

    @Property
    void aHolidayAheadMovesDueTimesLaterOrKeepsThem(@ForAll("specs") CalendarSpec spec, @ForAll("instants") Instant start,
            @ForAll @LongRange(max = 400_000) long pauseAfter, @ForAll @LongRange(max = 400_000) long pauseFor,
            @ForAll @IntRange(min = 1, max = 20) int daysAhead) {
        BusinessCalendar base = spec.calendar(Set.of());
        Instant now = start.plusSeconds(pauseAfter + pauseFor);
        SlaClock clock = withPause(base, start, pauseAfter, pauseFor, false);
        LocalDate holiday = now.atZone(spec.zone()).toLocalDate().plusDays(daysAhead);
        SlaClock moved = clock.recalculated(EMAIL, spec.calendar(Set.of(holiday)), now).overdue(now);
        for (SlaMetric metric : SlaMetric.values()) {
            SlaClock.Target before = clock.overdue(now).target(metric);
            SlaClock.Target after = moved.target(metric);
            assertThat(after.dueAt()).isAfterOrEqualTo(before.dueAt());
            assertThat(after.breached()).as("a day off ahead cannot cause a breach now").isEqualTo(before.breached());
        }
    }

    /** Opened at {@code start}, pending for a while; still pending or open again. */
    private static SlaClock withPause(BusinessCalendar calendar, Instant start, long pauseAfter, long pauseFor, boolean stillPending) {
        Instant pausedAt = start.plusSeconds(pauseAfter);
        SlaClock pending = SlaClock.start(EMAIL, calendar, start, TicketStatus.NEW)
                .statusChanged(TicketStatus.OPEN, TicketStatus.PENDING, calendar, pausedAt);
        return stillPending ? pending : pending.statusChanged(TicketStatus.PENDING, TicketStatus.OPEN, calendar, pausedAt.plusSeconds(pauseFor));
    }

    private static BusinessCalendar officeHoursWithout(LocalDate holiday) {
        return BusinessCalendar.of(BusinessCalendarTests.SHANGHAI, BusinessCalendarTests.weekdays("09:00-18:00"), Set.of(holiday), Map.of());
    }

    /** A calendar that a holiday can be added to: Shanghai with lunch, National Day and a make-up Saturday, or New York. */
    record CalendarSpec(ZoneId zone, String[] hours, Set<LocalDate> holidays, Map<LocalDate, DayOfWeek> workdays) {

        BusinessCalendar calendar(Set<LocalDate> extra) {
            Set<LocalDate> all = new HashSet<>(holidays);
            all.addAll(extra);
            return BusinessCalendar.of(zone, BusinessCalendarTests.weekdays(hours), all, workdays);
        }
    }

    @Provide
    Arbitrary<CalendarSpec> specs() {
        return Arbitraries.of(
                new CalendarSpec(BusinessCalendarTests.SHANGHAI, new String[] {"09:00-18:00"}, Set.of(), Map.of()),
                new CalendarSpec(BusinessCalendarTests.SHANGHAI, new String[] {"09:00-12:00", "13:30-18:00"},
                        Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5)),
                        Map.of(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY, LocalDate.of(2026, 11, 28), DayOfWeek.FRIDAY)),
                new CalendarSpec(ZoneId.of("America/New_York"), new String[] {"08:00-17:00"}, Set.of(LocalDate.of(2026, 11, 26)),
                        Map.of()));
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
