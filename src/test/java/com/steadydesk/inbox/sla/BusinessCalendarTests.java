package com.steadydesk.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.inbox.sla.BusinessCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class BusinessCalendarTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Mon-Fri 09:00-18:00 Asia/Shanghai, as the default calendar. */
    static BusinessCalendar officeHours() {
        return BusinessCalendar.of(SHANGHAI, weekdays("09:00-18:00"), Set.of(), Map.of());
    }

    /** Mon-Fri with a lunch break, the 2026 National Day week off and a make-up Saturday (调休) on 10 October. */
    static BusinessCalendar withHolidays() {
        Set<LocalDate> nationalDay = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
        return BusinessCalendar.of(SHANGHAI, weekdays("09:00-12:00", "13:30-18:00"), nationalDay,
                Map.of(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY));
    }

    static Map<DayOfWeek, List<OpeningHours>> weekdays(String... hours) {
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, java.util.Arrays.stream(hours).map(OpeningHours::parse).toList());
        }
        return weekly;
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Example
    void fourBusinessHoursFromFridayFivePmEndAtMondayNoon() {
        assertThat(officeHours().add(shanghai("2026-11-27T17:00"), Duration.ofHours(4))).isEqualTo(shanghai("2026-11-30T12:00"));
        assertThat(officeHours().elapsed(shanghai("2026-11-27T17:00"), shanghai("2026-11-30T12:00"))).isEqualTo(Duration.ofHours(4));
    }

    @Example
    void startingBeforeOpeningCountsFromOpening() {
        assertThat(officeHours().add(shanghai("2026-11-30T07:15"), Duration.ofMinutes(30))).isEqualTo(shanghai("2026-11-30T09:30"));
    }

    @Example
    void aTargetThatEndsAtClosingTimeIsDueAtClosingTime() {
        assertThat(officeHours().add(shanghai("2026-11-27T17:00"), Duration.ofHours(1))).isEqualTo(shanghai("2026-11-27T18:00"));
    }

    @Example
    void theLunchBreakDoesNotCount() {
        assertThat(withHolidays().add(shanghai("2026-11-30T11:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-11-30T14:30"));
    }

    @Example
    void holidaysAreSkipped() {
        // Wed 30 Sep 17:00: one hour that day, then 1-7 October off (the weekend between is closed anyway)
        assertThat(withHolidays().add(shanghai("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-10-08T10:00"));
    }

    @Example
    void aMakeUpSaturdayIsWorkedWithTheHoursOfMonday() {
        // Fri 9 Oct 17:00 + 2 h: one hour on Friday, then Saturday 10 October is a 调休 working day
        assertThat(withHolidays().add(shanghai("2026-10-09T17:00"), Duration.ofHours(2))).isEqualTo(shanghai("2026-10-10T10:00"));
        assertThat(withHolidays().isOpen(shanghai("2026-10-10T12:30"))).isFalse();
        assertThat(withHolidays().isOpen(shanghai("2026-10-17T10:00"))).as("an ordinary Saturday").isFalse();
    }

    @Example
    void theLocalDayDecidesNotTheUtcDay() {
        // Sunday 23:30 UTC is Monday 07:30 in Shanghai
        Instant sundayUtc = Instant.parse("2026-11-29T23:30:00Z");
        assertThat(officeHours().add(sundayUtc, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
        // Friday 17:30 Shanghai is 09:30 UTC the same day; Saturday in UTC is still closed in Shanghai
        assertThat(officeHours().elapsed(Instant.parse("2026-11-27T09:30:00Z"), Instant.parse("2026-11-28T23:59:00Z")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Example
    void aDaylightSavingChangeOverTheWeekendKeepsLocalOpeningHours() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BusinessCalendar calendar = BusinessCalendar.of(newYork, weekdays("09:00-17:00"), Set.of(), Map.of());
        // Fri 30 Oct 2026 16:30 EDT; clocks go back on Sun 1 Nov; Monday opens 09:00 EST = 14:00 UTC
        Instant friday = LocalDateTime.parse("2026-10-30T16:30").atZone(newYork).toInstant();
        assertThat(calendar.add(friday, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
    }

    @Example
    void openingHoursCanSpanMidnight() {
        Map<DayOfWeek, List<OpeningHours>> nights = new EnumMap<>(DayOfWeek.class);
        nights.put(DayOfWeek.MONDAY, List.of(OpeningHours.parse("22:00-24:00")));
        nights.put(DayOfWeek.TUESDAY, List.of(OpeningHours.parse("00:00-06:00")));
        BusinessCalendar calendar = BusinessCalendar.of(SHANGHAI, nights, Set.of(), Map.of());
        assertThat(calendar.add(shanghai("2026-11-30T23:00"), Duration.ofHours(3))).isEqualTo(shanghai("2026-12-01T02:00"));
    }

    @Example
    void aroundTheClockIsPlainTime() {
        Instant start = Instant.parse("2026-11-28T03:00:00Z");
        assertThat(BusinessCalendar.alwaysOpen().add(start, Duration.ofSeconds(30))).isEqualTo(start.plusSeconds(30));
        assertThat(BusinessCalendar.alwaysOpen().elapsed(start, start.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(BusinessCalendar.alwaysOpen().isOpen(start)).isTrue();
    }

    @Example
    void rejectsOverlappingHoursAndCalendarsThatNeverOpen() {
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI, weekdays("09:00-12:00", "11:00-18:00"), Set.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI, Map.of(), Set.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpeningHours.parse("18:00-09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpeningHours.parse("9点到6点")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void addingTwiceEqualsAddingTheSum(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration d1, @ForAll("durations") Duration d2) {
        assertThat(calendar.add(calendar.add(start, d1), d2)).isEqualTo(calendar.add(start, d1.plus(d2)));
    }

    @Property
    void elapsedUndoesAdd(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration d) {
        assertThat(calendar.elapsed(start, calendar.add(start, d))).isEqualTo(d);
    }

    @Property
    void aDueTimeNeverFallsInClosedHours(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration d) {
        if (d.isZero()) {
            return;
        }
        // due at the closing time is fine: the moment just before it is open
        assertThat(calendar.isOpen(calendar.add(start, d).minusMillis(1))).isTrue();
    }

    @Property
    void elapsedTimeAddsUp(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
            @ForAll @LongRange(max = 400_000) long s1, @ForAll @LongRange(max = 400_000) long s2) {
        Instant b = a.plusSeconds(s1);
        Instant c = b.plusSeconds(s2);
        assertThat(calendar.elapsed(a, b).plus(calendar.elapsed(b, c))).isEqualTo(calendar.elapsed(a, c));
        assertThat(calendar.elapsed(a, c)).isLessThanOrEqualTo(Duration.between(a, c));
    }

    @Property
    void moreBusinessTimeIsNeverEarlier(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration d1, @ForAll("durations") Duration d2) {
        Duration shorter = d1.compareTo(d2) <= 0 ? d1 : d2;
        Duration longer = d1.compareTo(d2) <= 0 ? d2 : d1;
        assertThat(calendar.add(start, shorter)).isBeforeOrEqualTo(calendar.add(start, longer));
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(officeHours(), withHolidays(), BusinessCalendar.alwaysOpen(),
                BusinessCalendar.of(ZoneId.of("America/New_York"), weekdays("08:00-12:00", "13:00-17:00"), Set.of(), Map.of()));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // September to December 2026: National Day, a make-up Saturday and a US daylight-saving change
        long from = Instant.parse("2026-09-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2026-12-31T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 120).map(Duration::ofSeconds)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 60 * 3600).map(Duration::ofSeconds)));
    }
}
