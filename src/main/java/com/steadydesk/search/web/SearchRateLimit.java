package com.steadydesk.search.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * At most {@code steadydesk.search.searches-per-minute} (default 30) searches per user per minute, over every search
 * box of the application, pages and API alike: the search page and {@code /api/v1/search}, the customer list and the
 * ticket list with a {@code q}. Enough for a person; too few to try the ten thousand numbers behind {@code 130****2222}.
 * A sliding window per user on this node (a node's share of the limit at cluster scale); beyond it the answer is 429.
 */
@Component
class SearchRateLimit implements HandlerInterceptor {

    /** The search boxes: a request to one of these paths with a non-blank {@code q} is a search. */
    static final String[] SEARCH_PATHS = {"/search", "/api/v1/search", "/customers", "/api/v1/customers", "/inbox", "/api/v1/tickets"};
    private static final long WINDOW_MS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    SearchRateLimit(@Value("${steadydesk.search.searches-per-minute:30}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String q = request.getParameter("q");
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!"GET".equals(request.getMethod()) || q == null || q.isBlank() || user == null || !user.isAuthenticated()) {
            return true;
        }
        long retryAfter = acquire(user.getName());
        if (retryAfter > 0) {
            throw new SearchRateLimited(perMinute, retryAfter);
        }
        return true;
    }

    /** Counts a search; 0 when it may run, else the seconds until the oldest search in the window leaves it. */
    long acquire(String user) {
        long now = clock.instant().toEpochMilli();
        Deque<Long> times = recent.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
            }
            times.addLast(now);
            return 0;
        }
    }

    /** Forgets users without a search in the last minute, so that the map does not grow with every user ever seen. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = WINDOW_MS, initialDelay = WINDOW_MS)
    void forgetIdleUsers() {
        long cutoff = clock.instant().toEpochMilli() - WINDOW_MS;
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast() <= cutoff;
            }
        });
    }
}
