package com.steadydesk.crisis.web;

import com.steadydesk.crisis.PublicStatus;
import com.steadydesk.crisis.StatusPage;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

/**
 * The public crisis status page at /status: no login, Chinese and English, light enough for a phone. Served from
 * the in-memory model; browsers and proxies may keep it 10 seconds and revalidate with the ETag.
 */
@Controller
class StatusPageController {

    private final StatusPage statusPage;

    StatusPageController(StatusPage statusPage) {
        this.statusPage = statusPage;
    }

    @GetMapping("/status")
    @PreAuthorize("permitAll()")
    String status(WebRequest request, Model model, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        PublicStatus status = statusPage.current();
        String etag = "\"s" + status.version() + "-" + status.builtAt().toEpochMilli() + "-" + locale.getLanguage() + "\"";
        response.setHeader("Cache-Control", CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic().getHeaderValue());
        if (request.checkNotModified(etag)) {
            return null;
        }
        model.addAttribute("status", status);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "crisis/status";
    }
}
