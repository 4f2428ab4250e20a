package com.steadydesk.crisis.web;

import com.steadydesk.platform.DomainRuleViolation;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a command posted from the cockpit; its message, or the broken rule or bad input, comes back on the cockpit. */
final class CockpitCommands {

    private CockpitCommands() {
    }

    static String run(MessageSource messages, long crisisId, RedirectAttributes redirect, Locale locale, Supplier<String> command) {
        try {
            redirect.addFlashAttribute("flash", command.get());
        } catch (DomainRuleViolation e) {
            // the detail after the colon (e.g. the placeholders nobody fills) goes into the localised text as {0}
            String detail = e.getMessage() == null ? "" : e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
            redirect.addFlashAttribute("flash", messages.getMessage("crisis.rule." + e.rule(), new Object[] {detail}, e.getMessage(), locale));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/crisis/" + crisisId;
    }
}
