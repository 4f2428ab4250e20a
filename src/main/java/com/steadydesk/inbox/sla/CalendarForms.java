package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.sla.BusinessCalendar.OpeningHours;
import com.steadydesk.inbox.sla.BusinessCalendars.CalendarDefinition;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;

/** The forms of the calendar editor; each validates itself into a {@link BindingResult}, messages by key. */
final class CalendarForms {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private CalendarForms() {
    }

    /** Name, zone, 24x7 and the weekly hours ("09:00-12:00, 13:30-18:00" per weekday, empty = closed). */
    record CalendarForm(String name, String timeZone, Boolean alwaysOpen, String monday, String tuesday, String wednesday,
            String thursday, String friday, String saturday, String sunday) {

        static CalendarForm of(CalendarDefinition c) {
            return new CalendarForm(c.name(), c.zone().getId(), c.alwaysOpen(), c.hoursText(DayOfWeek.MONDAY),
                    c.hoursText(DayOfWeek.TUESDAY), c.hoursText(DayOfWeek.WEDNESDAY), c.hoursText(DayOfWeek.THURSDAY),
                    c.hoursText(DayOfWeek.FRIDAY), c.hoursText(DayOfWeek.SATURDAY), c.hoursText(DayOfWeek.SUNDAY));
        }

        static CalendarForm blank() {
            return new CalendarForm("", "Asia/Shanghai", false, "09:00-18:00", "09:00-18:00", "09:00-18:00", "09:00-18:00",
                    "09:00-18:00", "", "");
        }

        String nameTrimmed() {
            return name == null ? "" : name.trim();
        }

        boolean isAlwaysOpen() {
            return Boolean.TRUE.equals(alwaysOpen);
        }

        ZoneId zone(BindingResult errors) {
            try {
                return ZoneId.of(timeZone == null ? "" : timeZone.trim());
            } catch (DateTimeException e) {
                errors.rejectValue("timeZone", "sla.error.zone");
                return null;
            }
        }

        void validateName(BindingResult errors) {
            if (nameTrimmed().isEmpty()) {
                errors.rejectValue("name", "sla.error.required");
            } else if (nameTrimmed().length() > 100) {
                errors.rejectValue("name", "sla.error.tooLong");
            }
        }

        /** The weekly hours; errors name the weekday's field. */
        Map<DayOfWeek, List<OpeningHours>> weekly(BindingResult errors) {
            Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
            String[] texts = {monday, tuesday, wednesday, thursday, friday, saturday, sunday};
            for (DayOfWeek day : DayOfWeek.values()) {
                String text = texts[day.ordinal()];
                String field = day.name().toLowerCase(java.util.Locale.ROOT);
                if (text == null || text.isBlank()) {
                    continue;
                }
                List<OpeningHours> hours = new ArrayList<>();
                try {
                    for (String part : text.split("[,，;；]")) {
                        if (!part.isBlank()) {
                            hours.add(OpeningHours.parse(part));
                        }
                    }
                    BusinessCalendar.of(ZoneId.of("UTC"), Map.of(day, hours), java.util.Set.of(), Map.of());
                    weekly.put(day, hours);
                } catch (IllegalArgumentException e) {
                    errors.rejectValue(field, "sla.error.hours");
                }
            }
            if (!isAlwaysOpen() && weekly.isEmpty() && !errors.hasErrors()) {
                errors.rejectValue("monday", "sla.error.noHours");
            }
            return weekly;
        }
    }

    /** One holiday or make-up working day. {@code kind}: HOLIDAY or WORKDAY; {@code hoursLike}: a weekday name. */
    record DayForm(String day, String name, String kind, String hoursLike) {

        static DayForm blank() {
            return new DayForm("", "", "HOLIDAY", "MONDAY");
        }

        LocalDate date(BindingResult errors) {
            LocalDate date = parseDate(day);
            if (date == null) {
                errors.rejectValue("day", "sla.error.date");
            }
            return date;
        }

        String nameOr(String fallback) {
            return name == null || name.isBlank() ? fallback : name.trim();
        }

        boolean workday() {
            return "WORKDAY".equals(kind);
        }

        DayOfWeek weekday() {
            try {
                return DayOfWeek.valueOf(hoursLike);
            } catch (RuntimeException e) {
                return DayOfWeek.MONDAY;
            }
        }
    }

    /** Many days at once, one per line: "2026-10-01,国庆节" (tab, space or "，" also separate; the name may be left out). */
    record PasteForm(String kind, String lines) {

        static PasteForm blank() {
            return new PasteForm("HOLIDAY", "");
        }

        boolean workday() {
            return "WORKDAY".equals(kind);
        }

        /** The days pasted, or an error naming the first bad lines (then nothing should be imported). */
        List<Map.Entry<LocalDate, String>> days(BindingResult errors) {
            List<Map.Entry<LocalDate, String>> days = new ArrayList<>();
            String[] all = lines == null ? new String[0] : lines.split("\\R");
            int bad = 0;
            for (int i = 0; i < all.length; i++) {
                String line = all[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s*[,，\\t;；]\\s*|\\s+", 2);
                LocalDate date = parseDate(parts[0]);
                String name = parts.length > 1 ? parts[1].strip() : "";
                if (date == null || name.length() > 100) {
                    if (bad++ < 3) {
                        errors.rejectValue("lines", "sla.error.csvLine", new Object[] {i + 1, line}, null);
                    }
                    continue;
                }
                days.add(Map.entry(date, name));
            }
            if (days.isEmpty() && bad == 0) {
                errors.rejectValue("lines", "sla.error.required");
            }
            return days;
        }
    }

    static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t, SLASHED);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
