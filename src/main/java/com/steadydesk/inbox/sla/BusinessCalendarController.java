package com.steadydesk.inbox.sla;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.inbox.sla.BusinessCalendars.CalendarDefinition;
import com.steadydesk.inbox.sla.CalendarForms.CalendarForm;
import com.steadydesk.inbox.sla.CalendarForms.DayForm;
import com.steadydesk.inbox.sla.CalendarForms.PasteForm;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/sla/calendars: business hours per weekday, holidays and make-up working days (调休). */
@Controller
@RequestMapping("/admin/sla/calendars")
class BusinessCalendarController {

    /** Offered in the time-zone field; any valid zone id is accepted. */
    static final List<String> COMMON_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
            "Asia/Tokyo", "Asia/Kuala_Lumpur", "UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles");

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    BusinessCalendarController(BusinessCalendars calendars, SlaPolicies policies, AuditLog audit,
            ApplicationEventPublisher events, MessageSource messages) {
        this.calendars = calendars;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String list(Model model) {
        model.addAttribute("form", CalendarForm.blank());
        return listPage(model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String create(@ModelAttribute("form") CalendarForm form, BindingResult errors, Model model, RedirectAttributes redirect,
            Locale locale) {
        form.validateName(errors);
        ZoneId zone = form.zone(errors);
        if (!errors.hasFieldErrors("name") && calendars.nameTaken(form.nameTrimmed(), null)) {
            errors.rejectValue("name", "sla.error.nameTaken");
        }
        var weekly = form.weekly(errors);
        if (errors.hasErrors()) {
            return listPage(model);
        }
        long id = calendars.create(form.nameTrimmed(), zone, form.isAlwaysOpen());
        calendars.update(id, form.nameTrimmed(), zone, form.isAlwaysOpen(), weekly);
        audit.record("sla.calendar.created", "sla-calendar:" + id, form.nameTrimmed());
        redirect.addFlashAttribute("flash", msg("sla.saved", locale));
        return "redirect:/admin/sla/calendars/" + id;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String edit(@PathVariable long id, Model model) {
        CalendarDefinition calendar = calendars.get(id);
        model.addAttribute("form", CalendarForm.of(calendar));
        return editPage(model, calendar);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String update(@PathVariable long id, @ModelAttribute("form") CalendarForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        CalendarDefinition calendar = calendars.get(id);
        form.validateName(errors);
        ZoneId zone = form.zone(errors);
        if (!errors.hasFieldErrors("name") && calendars.nameTaken(form.nameTrimmed(), id)) {
            errors.rejectValue("name", "sla.error.nameTaken");
        }
        var weekly = form.weekly(errors);
        if (errors.hasErrors()) {
            return editPage(model, calendar);
        }
        calendars.update(id, form.nameTrimmed(), zone, form.isAlwaysOpen(), weekly);
        audit.record("sla.calendar.updated", "sla-calendar:" + id, "%s %s 24x7=%s %s".formatted(form.nameTrimmed(), zone,
                form.isAlwaysOpen(), weekly));
        return changed(id, "calendar " + id + " updated", redirect, locale);
    }

    @PostMapping("/{id}/days")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String addDay(@PathVariable long id, @ModelAttribute("day") DayForm day, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        CalendarDefinition calendar = calendars.get(id);
        LocalDate date = day.date(errors);
        if (day.name() != null && day.name().length() > 100) {
            errors.rejectValue("name", "sla.error.tooLong");
        }
        if (errors.hasErrors()) {
            model.addAttribute("form", CalendarForm.of(calendar));
            return editPage(model, calendar);
        }
        put(id, date, day.workday(), day.nameOr(defaultName(day.workday(), locale)), day.weekday());
        audit.record("sla.calendar.day-added", "sla-calendar:" + id, (day.workday() ? "workday " : "holiday ") + date + " " + day.name());
        return changed(id, "calendar " + id + " days", redirect, locale);
    }

    @PostMapping("/{id}/days/paste")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String paste(@PathVariable long id, @ModelAttribute("paste") PasteForm paste, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        CalendarDefinition calendar = calendars.get(id);
        List<Map.Entry<LocalDate, String>> days = paste.days(errors);
        if (errors.hasErrors()) {
            model.addAttribute("form", CalendarForm.of(calendar));
            return editPage(model, calendar);
        }
        String fallback = defaultName(paste.workday(), locale);
        days.forEach(d -> put(id, d.getKey(), paste.workday(), d.getValue().isEmpty() ? fallback : d.getValue(), DayOfWeek.MONDAY));
        audit.record("sla.calendar.days-pasted", "sla-calendar:" + id, (paste.workday() ? "workdays " : "holidays ")
                + days.stream().map(d -> d.getKey().toString()).toList());
        return changed(id, "calendar " + id + " days pasted", redirect, locale);
    }

    @PostMapping("/{id}/days/{day}/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String removeDay(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect, Locale locale) {
        calendars.get(id);
        calendars.removeDay(id, day);
        audit.record("sla.calendar.day-removed", "sla-calendar:" + id, day.toString());
        return changed(id, "calendar " + id + " day removed", redirect, locale);
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        CalendarDefinition calendar = calendars.get(id);
        if (policies.usesCalendar(id)) {
            redirect.addFlashAttribute("slaError", msg("sla.error.calendarInUse", locale));
            return "redirect:/admin/sla/calendars/" + id;
        }
        calendars.delete(id);
        audit.record("sla.calendar.deleted", "sla-calendar:" + id, calendar.name());
        redirect.addFlashAttribute("flash", msg("sla.deleted", locale));
        return "redirect:/admin/sla/calendars";
    }

    private void put(long id, LocalDate date, boolean workday, String name, DayOfWeek hoursLike) {
        if (workday) {
            calendars.putWorkday(id, date, name, hoursLike);
        } else {
            calendars.putHoliday(id, date, name);
        }
    }

    private String changed(long id, String what, RedirectAttributes redirect, Locale locale) {
        events.publishEvent(new SlaRulesChanged(what));
        redirect.addFlashAttribute("flash", msg("sla.saved", locale));
        return "redirect:/admin/sla/calendars/" + id;
    }

    private String listPage(Model model) {
        model.addAttribute("calendars", calendars.all());
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("weekdays", DayOfWeek.values());
        return "inbox/sla/calendars";
    }

    private String editPage(Model model, CalendarDefinition calendar) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("inUse", policies.usesCalendar(calendar.id()));
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("weekdays", DayOfWeek.values());
        if (!model.containsAttribute("day")) {
            model.addAttribute("day", DayForm.blank());
        }
        if (!model.containsAttribute("paste")) {
            model.addAttribute("paste", PasteForm.blank());
        }
        return "inbox/sla/calendar";
    }

    private String defaultName(boolean workday, Locale locale) {
        return msg(workday ? "sla.calendar.kind.WORKDAY" : "sla.calendar.kind.HOLIDAY", locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
