package com.steadydesk.platform;

import org.springframework.web.servlet.ModelAndView;

/** For interceptors that add to a page's model after its handler: only a rendered page has one worth filling. */
public final class PageViews {

    private PageViews() {
    }

    /** Whether the handler's answer renders a view (not a REST body, not a redirect). */
    public static boolean rendersPage(ModelAndView answer) {
        return answer != null && answer.hasView() && (answer.getViewName() == null || !answer.getViewName().startsWith("redirect:"));
    }
}
