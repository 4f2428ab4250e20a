package com.steadydesk.inbox.sla;

import com.steadydesk.channels.Channel;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.sla.BusinessCalendars.CalendarDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/sla: the SLA policies, in order, with what they match and their targets in words. */
@Controller
@RequestMapping("/admin/sla")
class SlaPolicyController {

    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final SlaTargetText targetText;
    private final SlaManagement sla;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    SlaPolicyController(SlaPolicies policies, BusinessCalendars calendars, SlaTargetText targetText, SlaManagement sla,
            AuditLog audit, ApplicationEventPublisher events, MessageSource messages) {
        this.policies = policies;
        this.calendars = calendars;
        this.targetText = targetText;
        this.sla = sla;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String list(Model model, Locale locale) {
        Map<Long, CalendarDefinition> byId = calendars.all().stream().collect(Collectors.toMap(CalendarDefinition::id, Function.identity()));
        List<PolicyRow> rows = new ArrayList<>();
        for (SlaPolicy p : policies.all()) {
            boolean business = p.calendarId() != null && byId.containsKey(p.calendarId()) && !byId.get(p.calendarId()).alwaysOpen();
            rows.add(new PolicyRow(p, matches(p, locale), targetText.of(p.firstResponseTarget(), business, locale),
                    targetText.of(p.resolutionTarget(), business, locale),
                    p.calendarId() == null ? msg("sla.alwaysOpen", locale) : byId.get(p.calendarId()).name()));
        }
        model.addAttribute("rows", rows);
        return "inbox/sla/policies";
    }

    @GetMapping("/policies/new")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String newPolicy(Model model) {
        model.addAttribute("form", PolicyForm.blank());
        return editor(model, null);
    }

    @PostMapping("/policies")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String create(@ModelAttribute("form") PolicyForm form, BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
        var policy = form.toPolicy(0, 0, calendarIds(), errors);
        if (policy.isEmpty()) {
            return editor(model, null);
        }
        long id = policies.create(policy.get());
        audit.record("sla.policy.created", "sla-policy:" + id, describe(policy.get(), locale));
        changed("policy " + id + " created", redirect, locale);
        return "redirect:/admin/sla";
    }

    @GetMapping("/policies/{id}/edit")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", PolicyForm.of(policies.get(id)));
        return editor(model, id);
    }

    @PostMapping("/policies/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String update(@PathVariable long id, @ModelAttribute("form") PolicyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        SlaPolicy existing = policies.get(id);
        var policy = form.toPolicy(id, existing.position(), calendarIds(), errors);
        if (policy.isEmpty()) {
            return editor(model, id);
        }
        policies.update(id, policy.get());
        audit.record("sla.policy.updated", "sla-policy:" + id, describe(existing, locale) + " → " + describe(policy.get(), locale));
        changed("policy " + id + " updated", redirect, locale);
        return "redirect:/admin/sla";
    }

    @PostMapping("/policies/{id}/active")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect, Locale locale) {
        SlaPolicy p = policies.get(id);
        policies.setActive(id, active);
        audit.record(active ? "sla.policy.activated" : "sla.policy.deactivated", "sla-policy:" + id, p.name());
        changed("policy " + id + (active ? " activated" : " deactivated"), redirect, locale);
        return "redirect:/admin/sla";
    }

    @PostMapping("/policies/{id}/move")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String move(@PathVariable long id, @RequestParam int direction, RedirectAttributes redirect, Locale locale) {
        SlaPolicy p = policies.get(id);
        policies.move(id, direction);
        audit.record("sla.policy.moved", "sla-policy:" + id, p.name() + (direction < 0 ? " ↑" : " ↓"));
        changed("policy " + id + " moved", redirect, locale);
        return "redirect:/admin/sla";
    }

    @PostMapping("/policies/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        SlaPolicy p = policies.get(id);
        // open tickets that followed it are moved to the next best policy by the recalculation after commit
        policies.delete(id);
        audit.record("sla.policy.deleted", "sla-policy:" + id, describe(p, locale));
        events.publishEvent(new SlaRulesChanged("policy " + id + " deleted"));
        redirect.addFlashAttribute("flash", msg("sla.deleted", locale));
        return "redirect:/admin/sla";
    }

    @PostMapping("/recalculate")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    String recalculate(RedirectAttributes redirect, Locale locale) {
        audit.record("sla.recalculated", "sla", null);
        events.publishEvent(new SlaRulesChanged("recalculation asked for"));
        redirect.addFlashAttribute("flash", msg("sla.recalculate.started", locale));
        return "redirect:/admin/sla";
    }

    @PostMapping("/scan")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String scan(RedirectAttributes redirect, Locale locale) {
        int checked = sla.scanNow();
        redirect.addFlashAttribute("flash", messages.getMessage("sla.scan.done", new Object[] {checked}, locale));
        return "redirect:/admin/sla";
    }

    private String editor(Model model, Long id) {
        model.addAttribute("policyId", id);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("tiers", VipCriterion.values());
        model.addAttribute("units", PolicyForm.Unit.values());
        model.addAttribute("calendars", calendars.all());
        return "inbox/sla/policy-form";
    }

    private Set<Long> calendarIds() {
        return calendars.all().stream().map(CalendarDefinition::id).collect(Collectors.toSet());
    }

    /** Clocks of open tickets follow the new rules: recalculated after commit, in the background. */
    private void changed(String what, RedirectAttributes redirect, Locale locale) {
        events.publishEvent(new SlaRulesChanged(what));
        redirect.addFlashAttribute("flash", msg("sla.saved", locale));
    }

    private String matches(SlaPolicy p, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (p.channel() != null) {
            parts.add(msg("sla.channel." + p.channel().name(), locale));
        }
        if (p.priority() != null) {
            parts.add(msg("sla.priority." + p.priority().name(), locale));
        }
        if (p.vipTier() != null) {
            parts.add(msg("sla.tier." + p.vipTier().name(), locale));
        }
        return parts.isEmpty() ? msg("sla.matches.everything", locale) : String.join(" · ", parts);
    }

    private String describe(SlaPolicy p, Locale locale) {
        return "%s [%s] FR=%s RES=%s cal=%s risk=%d%% %s".formatted(p.name(), matches(p, locale),
                p.firstResponseTarget() == null ? "-" : p.firstResponseTarget().toSeconds() + "s",
                p.resolutionTarget() == null ? "-" : p.resolutionTarget().toSeconds() + "s",
                p.calendarId() == null ? "24x7" : p.calendarId(), p.atRiskPercent(), p.active() ? "active" : "inactive");
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** One line of the policy list. */
    record PolicyRow(SlaPolicy policy, String matches, String firstResponse, String resolution, String calendar) {
    }
}
