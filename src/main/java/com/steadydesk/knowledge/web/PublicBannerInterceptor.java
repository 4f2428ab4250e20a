package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.platform.PageViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the crisis banner to every public page, whichever module's controller renders it (help center, contact
 * form); the public layout shows it. An interceptor on those paths only: agent pages and the API never pay for the
 * lookup, nor for a model attribute method run on every request. Not /status: the status page shows the crises
 * themselves, and serves a surge of readers without a database query.
 */
@Configuration(proxyBeanMethods = false)
class PublicBannerInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final HelpCenterNotices notices;

    PublicBannerInterceptor(HelpCenterNotices notices) {
        this.notices = notices;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/help", "/help/**", "/contact", "/contact/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (PageViews.rendersPage(page)) {
            page.addObject("publicBanner", notices.currentBanner().orElse(null));
        }
    }
}
