package com.steadydesk.crisis.web;

import com.steadydesk.channels.Channel;
import com.steadydesk.crisis.BulkLinking;
import com.steadydesk.crisis.CrisisCleanup;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.InternalUpdates;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cockpit's panels for the clean-up checklist of a closed crisis, internal staff updates, and linking tickets in
 * bulk from a search. Their commands come back to the cockpit with a message; the search answers a page fragment.
 */
@Controller
class CockpitPanels {

    /** Matches listed with a checkbox; "link all" takes every match up to {@link BulkLinking#MAX_LINK_ALL}. */
    private static final int SHOWN = 50;

    private final CrisisCleanup cleanup;
    private final InternalUpdates internalUpdates;
    private final BulkLinking bulkLinking;
    private final MessageSource messages;

    CockpitPanels(CrisisCleanup cleanup, InternalUpdates internalUpdates, BulkLinking bulkLinking, MessageSource messages) {
        this.cleanup = cleanup;
        this.internalUpdates = internalUpdates;
        this.bulkLinking = bulkLinking;
        this.messages = messages;
    }

    // ---- clean-up checklist ----------------------------------------------------------------------------------------

    @PostMapping("/crisis/{id}/cleanup/scripts/{scriptId}")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String decideScript(@PathVariable long id, @PathVariable long scriptId, @RequestParam String decision, RedirectAttributes redirect,
            Locale locale) {
        return report(id, redirect, locale, () -> {
            if ("keep".equals(decision)) {
                cleanup.keepScript(new CrisisId(id), scriptId);
                return msg("crisis.cleanup.scriptKept", locale);
            }
            cleanup.retireScript(new CrisisId(id), scriptId);
            return msg("crisis.cleanup.scriptRetired", locale);
        });
    }

    @PostMapping("/crisis/{id}/cleanup/notices/{kind}")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String clearNotice(@PathVariable long id, @PathVariable String kind, RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> {
            cleanup.clearNotice(new CrisisId(id), kind);
            return msg("crisis.cleanup.noticeCleared", locale);
        });
    }

    @PostMapping("/crisis/{id}/cleanup/steps/{stepId}")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String confirm(@PathVariable long id, @PathVariable long stepId, RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> {
            cleanup.confirm(new CrisisId(id), stepId);
            return msg("crisis.cleanup.stepConfirmed", locale);
        });
    }

    @PostMapping("/crisis/{id}/cleanup/final-update")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String sendFinalUpdate(@PathVariable long id, @RequestParam String bodyZh, @RequestParam(required = false) String bodyEn,
            RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> {
            cleanup.sendFinalUpdate(new CrisisId(id), bodyZh, bodyEn);
            return msg("crisis.cleanup.finalSent", locale);
        });
    }

    @PostMapping("/crisis/{id}/contact-point-changes")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String recordContactPointChange(@PathVariable long id, @RequestParam String change, RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> {
            cleanup.recordContactPointChange(new CrisisId(id), change);
            return msg("crisis.cleanup.contactPointRecorded", locale, change);
        });
    }

    // ---- internal updates ------------------------------------------------------------------------------------------

    @PostMapping("/crisis/{id}/internal-updates")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String postInternal(@PathVariable long id, @RequestParam String body, RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> msg("crisis.internal.posted", locale,
                internalUpdates.post(new CrisisId(id), body).notified()));
    }

    @PostMapping("/crisis/{id}/follow")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String follow(@PathVariable long id, @RequestParam(defaultValue = "true") boolean follow, RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> {
            if (follow) {
                internalUpdates.follow(new CrisisId(id));
                return msg("crisis.internal.followed", locale);
            }
            internalUpdates.unfollow(new CrisisId(id));
            return msg("crisis.internal.unfollowed", locale);
        });
    }

    // ---- linking from a search -------------------------------------------------------------------------------------

    @GetMapping("/crisis/{id}/link-search")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String search(@PathVariable long id, SearchForm form, Model model, Locale locale) {
        model.addAttribute("crisisIdValue", id);
        model.addAttribute("search", form);
        try {
            model.addAttribute("result", bulkLinking.search(new CrisisId(id), form.search(), SHOWN));
        } catch (IllegalArgumentException e) {
            model.addAttribute("searchError", e.getMessage());
        }
        return "crisis/panels :: linkResults";
    }

    @PostMapping("/crisis/{id}/link-search/selected")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String linkSelected(@PathVariable long id, @RequestParam(required = false) List<Long> ticketIds, RedirectAttributes redirect,
            Locale locale) {
        return report(id, redirect, locale, () -> linked(bulkLinking.linkSelected(new CrisisId(id), ticketIds), locale));
    }

    @PostMapping("/crisis/{id}/link-search/all")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String linkAll(@PathVariable long id, SearchForm form, RedirectAttributes redirect, Locale locale) {
        return report(id, redirect, locale, () -> linked(bulkLinking.linkAll(new CrisisId(id), form.search()), locale));
    }

    private String linked(BulkLinking.LinkResult result, Locale locale) {
        return msg(result.truncated() ? "crisis.linkSearch.linkedCapped" : "crisis.linkSearch.linked", locale, result.linked(),
                result.matched(), result.matched() - result.linked());
    }

    /** Runs a panel's command that words its own message. */
    private String report(long id, RedirectAttributes redirect, Locale locale, Supplier<String> command) {
        return CockpitCommands.run(messages, id, redirect, locale, command);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The search form; empty fields do not filter. */
    record SearchForm(String words, String tag, Channel channel, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        BulkLinking.TicketSearch search() {
            return new BulkLinking.TicketSearch(words, tag, channel, from, to);
        }
    }
}
