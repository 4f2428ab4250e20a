package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.knowledge.PublicBanner;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds the crisis banner to every public page, whichever module's controller renders it (help center, contact
 * form); the public layout shows it. Agent pages and the API never pay for the lookup.
 */
@ControllerAdvice(annotations = Controller.class)
class PublicBannerAdvice {

    /** Not /status: the status page shows the crises themselves, and serves a surge of readers without a database query. */
    private static final String[] PUBLIC_PREFIXES = {"/help", "/contact"};

    private final HelpCenterNotices notices;

    PublicBannerAdvice(HelpCenterNotices notices) {
        this.notices = notices;
    }

    @ModelAttribute("publicBanner")
    PublicBanner publicBanner(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : PUBLIC_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return notices.currentBanner().orElse(null);
            }
        }
        return null;
    }
}
