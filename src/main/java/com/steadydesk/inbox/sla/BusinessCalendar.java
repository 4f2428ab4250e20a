package com.steadydesk.inbox.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opening hours of a team in its time zone, with holidays and make-up working days (调休), or 24x7: adds business
 * time to an instant and measures the business time between two instants. Immutable and free of I/O.
 */
final class BusinessCalendar {

    /** A calendar with no day off runs out of days to try after this many closed days in a row. */
    private static final int MAX_CLOSED_DAYS_IN_A_ROW = 400;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<OpeningHours>> weekly;
    private final Set<LocalDate> holidays;
    private final Map<LocalDate, DayOfWeek> workdays;

    private BusinessCalendar(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<OpeningHours>> weekly,
            Set<LocalDate> holidays, Map<LocalDate, DayOfWeek> workdays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.weekly = weekly;
        this.holidays = Set.copyOf(holidays);
        this.workdays = Map.copyOf(workdays);
    }

    /** Open around the clock, every day: targets count in plain elapsed time. */
    static BusinessCalendar alwaysOpen() {
        return new BusinessCalendar(ZoneOffset.UTC, true, Map.of(), Set.of(), Map.of());
    }

    /**
     * @param weekly   opening hours per weekday (several intervals per day allowed, they must not overlap)
     * @param holidays dates closed although their weekday has hours
     * @param workdays make-up working days (调休): dates open with the hours of the given weekday
     */
    static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> weekly, Set<LocalDate> holidays,
            Map<LocalDate, DayOfWeek> workdays) {
        Map<DayOfWeek, List<OpeningHours>> sorted = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, hours) -> {
            List<OpeningHours> list = new ArrayList<>(hours);
            list.sort(Comparator.comparingInt(OpeningHours::fromMinute));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).fromMinute() < list.get(i - 1).toMinute()) {
                    throw new IllegalArgumentException("Opening hours overlap on " + day + ": " + list);
                }
            }
            sorted.put(day, List.copyOf(list));
        });
        if (sorted.values().stream().allMatch(List::isEmpty) && workdays.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs opening hours on at least one weekday");
        }
        return new BusinessCalendar(zone, false, sorted, holidays, workdays);
    }

    boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    ZoneId zone() {
        return zone;
    }

    /** The opening hours that apply on a date: none on a holiday, a weekday's hours on a make-up working day. */
    List<OpeningHours> hoursOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        DayOfWeek like = workdays.getOrDefault(date, date.getDayOfWeek());
        return weekly.getOrDefault(like, List.of());
    }

    /**
     * The instant at which {@code businessTime} of open time has passed after {@code start}. For a positive duration
     * the answer always lies inside opening hours or at their closing time, never in closed hours.
     */
    Instant add(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("Business time must not be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        if (alwaysOpen) {
            return start.plus(businessTime);
        }
        Duration remaining = businessTime;
        LocalDate date = start.atZone(zone).toLocalDate();
        int closedDays = 0;
        while (true) {
            boolean openThisDay = false;
            for (OpeningHours hours : hoursOn(date)) {
                Instant open = instant(date, hours.fromMinute());
                Instant close = instant(date, hours.toMinute());
                if (!close.isAfter(start) || !close.isAfter(open)) {
                    continue;
                }
                openThisDay = true;
                Instant from = open.isAfter(start) ? open : start;
                Duration available = Duration.between(from, close);
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            closedDays = openThisDay ? 0 : closedDays + 1;
            if (closedDays > MAX_CLOSED_DAYS_IN_A_ROW) {
                throw new IllegalStateException("The business calendar has no opening hours after " + date);
            }
            date = date.plusDays(1);
        }
    }

    /** Open time between two instants (zero when {@code to} is not after {@code from}). */
    Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (OpeningHours hours : hoursOn(date)) {
                Instant open = instant(date, hours.fromMinute());
                Instant close = instant(date, hours.toMinute());
                Instant a = open.isAfter(from) ? open : from;
                Instant b = close.isBefore(to) ? close : to;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** True when the instant lies inside opening hours (closing time excluded). */
    boolean isOpen(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (OpeningHours hours : hoursOn(date)) {
            if (!instant.isBefore(instant(date, hours.fromMinute())) && instant.isBefore(instant(date, hours.toMinute()))) {
                return true;
            }
        }
        return false;
    }

    private Instant instant(LocalDate date, int minuteOfDay) {
        if (minuteOfDay == OpeningHours.END_OF_DAY) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return date.atTime(minuteOfDay / 60, minuteOfDay % 60).atZone(zone).toInstant();
    }

    /** One opening interval of a day in minutes after local midnight, {@code [from, to)}; {@code to} may be 1440 (midnight). */
    record OpeningHours(int fromMinute, int toMinute) {

        static final int END_OF_DAY = 24 * 60;

        OpeningHours {
            if (fromMinute < 0 || toMinute > END_OF_DAY || fromMinute >= toMinute) {
                throw new IllegalArgumentException("Invalid opening hours " + fromMinute + "-" + toMinute);
            }
        }

        /** Parses "09:00-18:00" (24:00 allowed as the end). */
        static OpeningHours parse(String text) {
            String[] parts = text.trim().split("\\s*[-–~]\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("Expected HH:MM-HH:MM but got " + text);
            }
            return new OpeningHours(minute(parts[0]), minute(parts[1]));
        }

        private static int minute(String hhmm) {
            String[] p = hhmm.trim().split("[:：]");
            if (p.length != 2) {
                throw new IllegalArgumentException("Expected HH:MM but got " + hhmm);
            }
            int h = Integer.parseInt(p[0].trim());
            int m = Integer.parseInt(p[1].trim());
            if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) {
                throw new IllegalArgumentException("Not a time of day: " + hhmm);
            }
            return h * 60 + m;
        }

        @Override
        public String toString() {
            return "%02d:%02d-%02d:%02d".formatted(fromMinute / 60, fromMinute % 60, toMinute / 60, toMinute % 60);
        }
    }
}
