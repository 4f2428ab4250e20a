package com.steadydesk.knowledge.web;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The knowledge pages' shared model (display zone) and their errors, for people: a missing article is a plain 404 page (the same for an internal slug on
 * the help center, so its existence does not leak), a broken rule goes back to the page with the reason.
 */
@ControllerAdvice(assignableTypes = {KnowledgeController.class, HelpCenterController.class, SourceOfTruthController.class,
        CategoriesController.class})
class KnowledgePageAdvice {

    private final MessageSource messages;
    private final ZoneId zone;

    KnowledgePageAdvice(MessageSource messages, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** The zone times are shown in ({@code #temporals.format(t.atZone(zone), ...)}). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "knowledge/not-found";
    }

    @ExceptionHandler(DomainRuleViolation.class)
    String ruleBroken(DomainRuleViolation e, HttpServletRequest request) {
        String text = messages.getMessage("rule." + e.rule(), null, e.getMessage(), RequestContextUtils.getLocale(request));
        RequestContextUtils.getOutputFlashMap(request).put("flash", text);
        // Back to the page the person came from, but only to one of ours: never a redirect to another host.
        String back = request.getHeader("Referer");
        String path = back == null ? "" : back.replaceFirst("^https?://[^/]+", "");
        return "redirect:" + (path.startsWith("/knowledge") ? path : "/knowledge");
    }
}
