package com.steadydesk.channels.web;

import com.steadydesk.channels.OutboundMail;
import com.steadydesk.platform.PageViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Staff pages from which mail is sent (tickets, crisis updates and notices, the admin area) say so when no mailbox can
 * send: otherwise replies only queue up and fail minutes later, and nobody knows why. The staff layout shows it.
 */
@Configuration(proxyBeanMethods = false)
class OutboundWarningInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final OutboundMail mail;

    OutboundWarningInterceptor(OutboundMail mail) {
        this.mail = mail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/inbox", "/inbox/**", "/tickets", "/tickets/**", "/crisis", "/crisis/**", "/admin/**", "/notices", "/notices/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (PageViews.rendersPage(page)) {
            page.addObject("outboundMailDown", !mail.sendingAvailable());
        }
    }
}
