package com.steadydesk.channels.web;

import com.steadydesk.channels.internal.InboundMailParser;
import com.steadydesk.channels.internal.InboundMessageStore;
import com.steadydesk.channels.internal.InboundMessageStore.QuarantineRow;
import com.steadydesk.channels.internal.InboundMessageStore.StoredMessage;
import com.steadydesk.channels.internal.MailIntake;
import com.steadydesk.platform.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins see the messages that could not be parsed, retry the parser on them or discard them. */
@Controller
@RequestMapping("/admin/quarantine")
class QuarantineController {

    private static final int PAGE = 50;
    private static final int RAW_SHOWN = 20_000;

    private final InboundMessageStore store;
    private final MailIntake intake;
    private final MessageSource messages;

    QuarantineController(InboundMessageStore store, MailIntake intake, MessageSource messages) {
        this.store = store;
        this.intake = intake;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) Long before, Model model) {
        List<QuarantineRow> rows = store.quarantined(before, PAGE + 1);
        model.addAttribute("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("nextBefore", rows.size() > PAGE ? rows.get(PAGE - 1).id() : null);
        model.addAttribute("total", store.countQuarantined());
        return "channels/quarantine-list";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String detail(@PathVariable long id, Model model) {
        StoredMessage message = store.find(id).orElseThrow(() -> new NotFoundException("inbound message", id));
        String raw = new String(message.raw(), 0, Math.min(message.raw().length, RAW_SHOWN), StandardCharsets.ISO_8859_1);
        model.addAttribute("message", message);
        model.addAttribute("headers", InboundMailParser.rawHeaders(message.raw()));
        model.addAttribute("from", InboundMessageStore.rawHeader(message.raw(), "From"));
        model.addAttribute("subject", InboundMessageStore.rawHeader(message.raw(), "Subject"));
        model.addAttribute("raw", raw);
        model.addAttribute("truncated", message.raw().length > RAW_SHOWN);
        return "channels/quarantine-detail";
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        MailIntake.Outcome outcome = intake.retry(id);
        if (outcome.parsed()) {
            redirect.addFlashAttribute("flash", text("channels.quarantine.retried.ok"));
            return "redirect:/admin/quarantine";
        }
        redirect.addFlashAttribute("flash", text("channels.quarantine.retried.failed") + " " + outcome.error());
        return "redirect:/admin/quarantine/" + id;
    }

    @PostMapping("/{id}/discard")
    @PreAuthorize("hasRole('ADMIN')")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        intake.discard(id);
        redirect.addFlashAttribute("flash", text("channels.quarantine.discarded"));
        return "redirect:/admin/quarantine";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
