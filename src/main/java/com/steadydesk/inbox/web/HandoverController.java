package com.steadydesk.inbox.web;

import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.inbox.InvalidAssignee;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deactivating an agent, as the user admin page offers it: identity sits below inbox and cannot see tickets, so the
 * confirmation lives here. It shows how many open tickets she holds and hands them back to the queue, to one active
 * colleague or spread over several, then deactivates her; nothing stays assigned to someone who is gone.
 */
@Controller
@RequestMapping("/admin/users/{id}/handover")
class HandoverController {

    private final UserManagement users;
    private final TicketManagement tickets;
    private final MessageSource messages;

    HandoverController(UserManagement users, TicketManagement tickets, MessageSource messages) {
        this.users = users;
        this.tickets = tickets;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String page(@PathVariable long id, Model model) {
        UserSummary user = user(id);
        model.addAttribute("user", user);
        model.addAttribute("openTickets", tickets.openTicketsAssignedTo(user.id()));
        model.addAttribute("colleagues", users.all().stream().filter(UserSummary::active).filter(u -> !u.id().equals(user.id())).toList());
        return "inbox/handover";
    }

    /**
     * @param to QUEUE (unassigned), ONE ({@code colleague}) or SPREAD (round robin over {@code colleagues})
     */
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    String deactivate(@PathVariable long id, @RequestParam(defaultValue = "QUEUE") String to,
            @RequestParam(required = false) Long colleague, @RequestParam(required = false) List<Long> colleagues,
            Model model, RedirectAttributes redirect, Locale locale) {
        UserSummary user = user(id);
        List<UserId> receivers = switch (to) {
            case "ONE" -> colleague == null ? null : List.of(new UserId(colleague));
            case "SPREAD" -> colleagues == null || colleagues.isEmpty() ? null : colleagues.stream().distinct().map(UserId::new).toList();
            default -> List.of();
        };
        String error = receivers == null ? "inbox.handover.error.noColleague"
                : receivers.contains(user.id()) ? "inbox.handover.error.self" : null;
        if (error == null) {
            try {
                int moved = tickets.handOver(user.id(), receivers);
                users.deactivate(user.id());
                redirect.addFlashAttribute("flash", receivers.isEmpty()
                        ? text("inbox.handover.done.queue", locale, user.displayName(), moved)
                        : text("inbox.handover.done.colleagues", locale, user.displayName(), moved, receivers.stream()
                                .map(r -> users.findById(r).map(UserSummary::displayName).orElse("#" + r.value()))
                                .collect(java.util.stream.Collectors.joining("、"))));
                return "redirect:/admin/users/" + id;
            } catch (InvalidAssignee | DomainRuleViolation e) {
                // a colleague who cannot take tickets, or deactivating oneself: nothing moves, nobody is deactivated
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                error = e instanceof InvalidAssignee a ? "inbox.rule." + a.rule() : "inbox.handover.error." + ((DomainRuleViolation) e).rule();
            }
        }
        model.addAttribute("handoverError", text(error, locale));
        model.addAttribute("chosen", to);
        return page(id, model);
    }

    private UserSummary user(long id) {
        return users.findById(new UserId(id)).orElseThrow(() -> new NotFoundException("user", id));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
