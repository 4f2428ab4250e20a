package com.steadydesk.inbox.web;

import com.steadydesk.inbox.SatisfactionRating;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketSatisfaction;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ticket page's satisfaction panel: an agent records what the customer rated (on the phone, in a reply). */
@Controller
class SatisfactionController {

    private final TicketSatisfaction satisfaction;
    private final MessageSource messages;

    SatisfactionController(TicketSatisfaction satisfaction, MessageSource messages) {
        this.satisfaction = satisfaction;
        this.messages = messages;
    }

    @PostMapping("/inbox/tickets/{id}/satisfaction")
    @PreAuthorize("hasRole('AGENT')")
    String rate(@PathVariable long id, @RequestParam(required = false) Integer score, @RequestParam(required = false) String comment,
            RedirectAttributes redirect, Locale locale) {
        if (score == null || score < SatisfactionRating.MIN_SCORE || score > SatisfactionRating.MAX_SCORE) {
            redirect.addFlashAttribute("satisfactionError", messages.getMessage("inbox.satisfaction.error.score", null, locale));
        } else if (comment != null && comment.length() > 2000) {
            redirect.addFlashAttribute("satisfactionError", messages.getMessage("inbox.satisfaction.error.comment", null, locale));
        } else {
            satisfaction.rate(new TicketId(id), score, comment);
            redirect.addFlashAttribute("flash", messages.getMessage("inbox.satisfaction.saved", null, locale));
        }
        return "redirect:/inbox/tickets/" + id;
    }
}
