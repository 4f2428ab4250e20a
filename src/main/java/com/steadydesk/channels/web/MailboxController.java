package com.steadydesk.channels.web;

import com.steadydesk.channels.MailboxManagement;
import com.steadydesk.channels.MailboxManagement.PollSummary;
import com.steadydesk.channels.internal.MailServers;
import com.steadydesk.channels.internal.MailServers.ConnectionTest;
import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.internal.Mailboxes;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins configure the support mailboxes: servers, polling, the default sender; test and poll on demand. */
@Controller
@RequestMapping("/admin/mailboxes")
class MailboxController {

    private final Mailboxes mailboxes;
    private final MailServers servers;
    private final MailboxManagement management;
    private final MessageSource messages;

    MailboxController(Mailboxes mailboxes, MailServers servers, MailboxManagement management, MessageSource messages) {
        this.mailboxes = mailboxes;
        this.servers = servers;
        this.management = management;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("mailboxes", mailboxes.all());
        return "channels/mailboxes";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(Model model) {
        model.addAttribute("settings", MailboxSettings.blank());
        return "channels/mailbox-form";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("settings") MailboxSettings settings, BindingResult errors, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "channels/mailbox-form";
        }
        management.create(settings);
        redirect.addFlashAttribute("flash", text("channels.mailbox.saved"));
        return "redirect:/admin/mailboxes";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@PathVariable long id, Model model) {
        Mailbox mailbox = mailboxes.get(id);
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("settings", mailbox.settings());
        return "channels/mailbox-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @Valid @ModelAttribute("settings") MailboxSettings settings, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Mailbox mailbox = mailboxes.get(id);
        if (errors.hasErrors()) {
            model.addAttribute("mailbox", mailbox);
            return "channels/mailbox-form";
        }
        management.update(id, settings);
        redirect.addFlashAttribute("flash", text("channels.mailbox.saved"));
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        management.activate(id);
        redirect.addFlashAttribute("flash", text("channels.mailbox.activated"));
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        management.deactivate(id);
        redirect.addFlashAttribute("flash", text("channels.mailbox.deactivated"));
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/{id}/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        ConnectionTest result = servers.test(mailboxes.get(id));
        redirect.addFlashAttribute("flash", text(result.ok() ? "channels.mailbox.test.ok" : "channels.mailbox.test.failed")
                + " IMAP: " + (result.imap() == null ? "-" : result.imap()) + " · SMTP: " + (result.smtp() == null ? "-" : result.smtp()));
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/{id}/poll")
    @PreAuthorize("hasRole('ADMIN')")
    String pollNow(@PathVariable long id, RedirectAttributes redirect) {
        PollSummary result = management.pollNow(id);
        String summary = messages.getMessage("channels.mailbox.polled", new Object[] {result.stored(), result.parsed(),
                result.quarantined(), result.duplicates()}, LocaleContextHolder.getLocale());
        redirect.addFlashAttribute("flash", result.error() == null ? summary : summary + " " + result.error());
        return "redirect:/admin/mailboxes";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
