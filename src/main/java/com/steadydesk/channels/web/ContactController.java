package com.steadydesk.channels.web;

import com.steadydesk.channels.internal.ContactGuard;
import com.steadydesk.channels.internal.ContactGuard.TokenCheck;
import com.steadydesk.channels.internal.MailIntake;
import com.steadydesk.channels.internal.MailIntake.WebSubmission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public contact page (no login): a message sent here opens a ticket like an email does. */
@Controller
class ContactController {

    private static final Logger log = LoggerFactory.getLogger(ContactController.class);

    private final ContactGuard guard;
    private final MailIntake intake;

    ContactController(ContactGuard guard, MailIntake intake) {
        this.guard = guard;
        this.intake = intake;
    }

    @GetMapping("/contact")
    @PreAuthorize("permitAll()")
    String form(Model model) {
        model.addAttribute("contactForm", ContactForm.empty(guard.issueToken()));
        return "channels/contact";
    }

    @PostMapping("/contact")
    @PreAuthorize("permitAll()")
    String submit(@Valid @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "channels/contact";
        }
        boolean spam = form.website() != null && !form.website().isBlank();
        TokenCheck token = guard.check(form.startedAt());
        if (!guard.admit(request.getRemoteAddr(), spam || token != TokenCheck.OK ? "SPAM" : "ACCEPTED")) {
            response.setStatus(429);
            response.setHeader("Retry-After", "600");
            return "channels/contact-too-many";
        }
        if (spam || token == TokenCheck.INVALID) {
            log.info("Contact form refused as spam (honeypot={}, token={})", spam, token);
            return again(form, "channels.contact.error.refused", model, response);
        }
        if (token != TokenCheck.OK) {
            // too fast (or a page left open for a day): a person can simply send again
            return again(form, "channels.contact.error.tooFast", model, response);
        }
        String reference = intake.acceptWebForm(new WebSubmission(form.name(), form.email(), form.phone(), form.orderNo(),
                form.subject(), form.message()));
        redirect.addFlashAttribute("reference", reference);
        return "redirect:/contact/thanks";
    }

    @GetMapping("/contact/thanks")
    @PreAuthorize("permitAll()")
    String thanks(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/contact";
        }
        return "channels/contact-thanks";
    }

    private String again(ContactForm form, String messageKey, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("contactForm", form.withToken(guard.issueToken()));
        model.addAttribute("formError", messageKey);
        return "channels/contact";
    }
}
