package com.steadydesk.notifications.web;

import com.steadydesk.notifications.PublicSubscriptions;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public subscription pages under /status/subscriptions (no login): subscribe, confirm by the mailed link,
 * unsubscribe in one click (GET from the mail, or POST for mail programs' one-click unsubscribe).
 */
@Controller
class PublicSubscriptionController {

    private final PublicSubscriptions subscriptions;

    PublicSubscriptionController(PublicSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/status/subscriptions")
    @PreAuthorize("permitAll()")
    String subscribe(@RequestParam(required = false) String email, @RequestParam(required = false) String language, Model model,
            Locale locale, jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        try {
            subscriptions.subscribe(email, language == null ? locale.toLanguageTag() : language, request.getRemoteAddr());
            model.addAttribute("outcome", "pending");
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("outcome", "invalid");
        } catch (PublicSubscriptions.TooManyRequests e) {
            response.setStatus(429);
            response.setHeader("Retry-After", "600");
            model.addAttribute("outcome", "too-many");
        }
        return "notifications/subscription";
    }

    @GetMapping("/status/subscriptions/confirm")
    @PreAuthorize("permitAll()")
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("outcome", subscriptions.confirm(token) ? "confirmed" : "bad-token");
        return "notifications/subscription";
    }

    @GetMapping("/status/subscriptions/unsubscribe")
    @PreAuthorize("permitAll()")
    String unsubscribe(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("outcome", subscriptions.unsubscribe(token) ? "unsubscribed" : "bad-token");
        return "notifications/subscription";
    }

    @PostMapping("/status/subscriptions/unsubscribe")
    @PreAuthorize("permitAll()")
    ResponseEntity<Void> unsubscribeOneClick(@RequestParam(required = false) String token) {
        return subscriptions.unsubscribe(token) ? ResponseEntity.noContent().build() : ResponseEntity.badRequest().build();
    }
}
