package com.steadydesk.channels.web;

import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.QueuedEmail;
import com.steadydesk.channels.internal.OutboundQueue;
import com.steadydesk.channels.internal.OutboundQueue.OutboxRow;
import java.util.List;
import java.util.Set;
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

/** The outbox: every mail the product sent or tries to send, with the reason of a failure; retry and resend. */
@Controller
@RequestMapping("/admin/outbox")
@PreAuthorize("hasRole('SUPERVISOR')")
class OutboxController {

    private static final int PAGE = 50;
    private static final Set<String> STATUSES = Set.of("QUEUED", "SENT", "FAILED");

    private final OutboundQueue queue;
    private final OutboundMail mail;
    private final MessageSource messages;

    OutboxController(OutboundQueue queue, OutboundMail mail, MessageSource messages) {
        this.queue = queue;
        this.mail = mail;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Long before, Model model) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        List<OutboxRow> rows = queue.list(filter, before, PAGE + 1);
        model.addAttribute("rows", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
        model.addAttribute("nextBefore", rows.size() > PAGE ? rows.get(PAGE - 1).id() : null);
        model.addAttribute("status", filter);
        model.addAttribute("counts", queue.countByStatus());
        model.addAttribute("sendingAvailable", mail.sendingAvailable());
        return "channels/outbox";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        boolean requeued = mail.retry(id);
        redirect.addFlashAttribute("flash", text(requeued ? "channels.outbox.retried" : "channels.outbox.alreadySent", String.valueOf(id)));
        return "redirect:/admin/outbox";
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        QueuedEmail copy = mail.resend(id);
        redirect.addFlashAttribute("flash", text("channels.outbox.resent", String.valueOf(id), String.valueOf(copy.outboundId())));
        return "redirect:/admin/outbox";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
