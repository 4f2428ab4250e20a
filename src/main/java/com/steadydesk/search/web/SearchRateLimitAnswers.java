package com.steadydesk.search.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers a search over {@link SearchRateLimit}'s limit with 429 and {@code Retry-After}: problem+json under
 * {@code /api}, a page that says how long to wait for people. Ordered first, as it answers for every module's search box.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchRateLimitAnswers {

    private final MessageSource messages;
    private final ObjectMapper json;

    SearchRateLimitAnswers(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @ExceptionHandler(SearchRateLimited.class)
    ModelAndView tooMany(SearchRateLimited e, HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://steadydesk.dev/problems/too-many-searches");
            problem.put("title", "Too many searches");
            problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
            problem.put("detail", e.getMessage());
            problem.put("instance", request.getRequestURI());
            problem.put("retryAfterSeconds", e.retryAfterSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
            return new ModelAndView(); // written: nothing to render
        }
        ModelAndView page = new ModelAndView("search/too-many");
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        page.addObject("message", messages.getMessage("search.tooMany", new Object[] {e.perMinute(), e.retryAfterSeconds()}, locale));
        return page;
    }
}
