package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.sla.BusinessCalendar.OpeningHours;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.platform.ReadThroughCache;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Business-hours calendars with their weekly hours, holidays and make-up working days. */
@Repository
class BusinessCalendars {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Every SLA clock started or moved needs its calendar: four queries each time without this. */
    private final ReadThroughCache<Long, BusinessCalendar> cache = new ReadThroughCache<>(
            ids -> ids.stream().flatMap(id -> find(id).stream()).collect(Collectors.toMap(CalendarDefinition::id, CalendarDefinition::toCalendar)),
            java.time.Duration.ofSeconds(30), 1_000);

    BusinessCalendars(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** All calendars by name, without their days (for lists and select boxes). */
    List<CalendarDefinition> all() {
        return jdbc.sql("select id from business_calendars order by name").query(Long.class).list()
                .stream().map(this::get).toList();
    }

    Optional<CalendarDefinition> find(long id) {
        record Row(long id, String name, String timeZone, boolean alwaysOpen) {
        }
        return jdbc.sql("select id, name, time_zone, always_open from business_calendars where id = ?").param(id)
                .query(Row.class).optional()
                .map(r -> new CalendarDefinition(r.id(), r.name(), ZoneId.of(r.timeZone()), r.alwaysOpen(),
                        weekly(id), holidays(id), workdays(id)));
    }

    CalendarDefinition get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Business calendar", id));
    }

    /** The calendar targets count in; {@code null} is 24x7. */
    BusinessCalendar calendarFor(Long calendarId) {
        return calendarId == null ? BusinessCalendar.alwaysOpen() : cache.get(calendarId).orElseThrow(() -> new NotFoundException("Business calendar", calendarId));
    }

    long create(String name, ZoneId zone, boolean alwaysOpen) {
        long id = jdbc.sql("insert into business_calendars (name, time_zone, always_open, updated_at) values (?, ?, ?, ?) returning id")
                .params(name, zone.getId(), alwaysOpen, now()).query(Long.class).single();
        cache.evictAllNowAndAfterCommit();
        return id;
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from business_calendars where lower(name) = lower(?) and id <> ?")
                .params(name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    /** Replaces name, zone, 24x7 flag and the weekly hours. */
    void update(long id, String name, ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<OpeningHours>> weekly) {
        int rows = jdbc.sql("update business_calendars set name = ?, time_zone = ?, always_open = ?, updated_at = ? where id = ?")
                .params(name, zone.getId(), alwaysOpen, now(), id).update();
        if (rows == 0) {
            throw new NotFoundException("Business calendar", id);
        }
        jdbc.sql("delete from business_calendar_hours where calendar_id = ?").param(id).update();
        weekly.forEach((day, list) -> list.forEach(h -> jdbc.sql(
                        "insert into business_calendar_hours (calendar_id, day_of_week, opens_minute, closes_minute) values (?, ?, ?, ?)")
                .params(id, day.getValue(), h.fromMinute(), h.toMinute()).update()));
        cache.evictAllNowAndAfterCommit();
    }

    /** Adds or renames a holiday; a make-up working day on the same date is removed (a date is one or the other). */
    void putHoliday(long id, LocalDate day, String name) {
        jdbc.sql("delete from calendar_workdays where calendar_id = ? and day = ?").params(id, Date.valueOf(day)).update();
        jdbc.sql("""
                insert into calendar_holidays (calendar_id, day, name) values (?, ?, ?)
                on conflict (calendar_id, day) do update set name = excluded.name""")
                .params(id, Date.valueOf(day), name).update();
        touch(id);
    }

    /** Adds or changes a make-up working day (调休); a holiday on the same date is removed. */
    void putWorkday(long id, LocalDate day, String name, DayOfWeek hoursLike) {
        jdbc.sql("delete from calendar_holidays where calendar_id = ? and day = ?").params(id, Date.valueOf(day)).update();
        jdbc.sql("""
                insert into calendar_workdays (calendar_id, day, name, hours_like) values (?, ?, ?, ?)
                on conflict (calendar_id, day) do update set name = excluded.name, hours_like = excluded.hours_like""")
                .params(id, Date.valueOf(day), name, hoursLike.getValue()).update();
        touch(id);
    }

    void removeDay(long id, LocalDate day) {
        jdbc.sql("delete from calendar_holidays where calendar_id = ? and day = ?").params(id, Date.valueOf(day)).update();
        jdbc.sql("delete from calendar_workdays where calendar_id = ? and day = ?").params(id, Date.valueOf(day)).update();
        touch(id);
    }

    void delete(long id) {
        jdbc.sql("delete from business_calendars where id = ?").param(id).update();
        cache.evictAllNowAndAfterCommit();
    }

    private void touch(long id) {
        jdbc.sql("update business_calendars set updated_at = ? where id = ?").params(now(), id).update();
        cache.evictAllNowAndAfterCommit();
    }

    private Map<DayOfWeek, List<OpeningHours>> weekly(long id) {
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, opens_minute, closes_minute from business_calendar_hours where calendar_id = ? order by day_of_week, opens_minute")
                .param(id)
                .query((rs, n) -> Map.entry(DayOfWeek.of(rs.getInt(1)), new OpeningHours(rs.getInt(2), rs.getInt(3))))
                .list()
                .forEach(e -> weekly.computeIfAbsent(e.getKey(), d -> new ArrayList<>()).add(e.getValue()));
        return weekly;
    }

    private List<Holiday> holidays(long id) {
        return jdbc.sql("select day, name from calendar_holidays where calendar_id = ? order by day").param(id)
                .query((rs, n) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2))).list();
    }

    private List<Workday> workdays(long id) {
        return jdbc.sql("select day, name, hours_like from calendar_workdays where calendar_id = ? order by day").param(id)
                .query((rs, n) -> new Workday(rs.getDate(1).toLocalDate(), rs.getString(2), DayOfWeek.of(rs.getInt(3)))).list();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    /** A calendar as stored and edited. */
    record CalendarDefinition(long id, String name, ZoneId zone, boolean alwaysOpen,
            Map<DayOfWeek, List<OpeningHours>> weekly, List<Holiday> holidays, List<Workday> workdays) {

        BusinessCalendar toCalendar() {
            if (alwaysOpen) {
                return BusinessCalendar.alwaysOpen();
            }
            Set<LocalDate> off = holidays.stream().map(Holiday::day).collect(Collectors.toSet());
            Map<LocalDate, DayOfWeek> on = new LinkedHashMap<>();
            workdays.forEach(w -> on.put(w.day(), w.hoursLike()));
            return BusinessCalendar.of(zone, weekly, off, on);
        }

        /** "09:00-12:00, 13:30-18:00" for the weekday, empty when closed. */
        public String hoursText(DayOfWeek day) {
            return weekly.getOrDefault(day, List.of()).stream().map(OpeningHours::toString).collect(Collectors.joining(", "));
        }

        /** Open business time in a regular week, used to show targets in working days. */
        long weeklyMinutes() {
            return weekly.values().stream().flatMap(List::stream).mapToLong(h -> h.toMinute() - h.fromMinute()).sum();
        }
    }

    record Holiday(LocalDate day, String name) {
    }

    record Workday(LocalDate day, String name, DayOfWeek hoursLike) {
    }
}
