package com.steadydesk.identity.internal;

import com.steadydesk.platform.ReadThroughCache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a logged-in browser session the user's roles as they are now, on every request: without it a supervisor made a
 * TEMP_AGENT kept supervisor rights (and unmasked contact data) until the next login. A session whose user was
 * deactivated or removed ends here too, also on nodes that did not see the change happen ({@link UserSessions} ends
 * them at once on the node that did). Reads through a cache that any saved user change evicts on this node
 * ({@link UserChangesForgetTokens}); other nodes catch up within the cache's maximum age.
 * <p>
 * Only sessions that came from the login form are checked (their details are {@link WebAuthenticationDetails}); the API
 * chain is stateless and reads the user afresh for every token anyway.
 */
@Component
class LiveSessionRoles extends OncePerRequestFilter {

    private record Current(boolean active, Set<String> authorities) {
    }

    private final Users users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final ReadThroughCache<String, Current> current = new ReadThroughCache<>(this::load, Duration.ofSeconds(10), 10_000);

    LiveSessionRoles(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()
                && auth.getDetails() instanceof WebAuthenticationDetails) {
            Current now = current.get(auth.getName()).orElse(null);
            if (now == null || !now.active()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            // roles only: the login also grants authorities such as FACTOR_PASSWORD (how the user proved who they are), kept as they are
            Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(LiveSessionRoles::isRole)
                    .collect(Collectors.toSet());
            if (!held.equals(now.authorities())) {
                List<GrantedAuthority> authorities = new ArrayList<>(auth.getAuthorities().stream().filter(a -> !isRole(a.getAuthority())).toList());
                now.authorities().forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
                refreshed.setDetails(auth.getDetails());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isRole(String authority) {
        return authority.startsWith("ROLE_");
    }

    /** Forgets what was read about users (one was just changed). */
    void forgetCached() {
        current.evictAllNowAndAfterCommit();
    }

    private Map<String, Current> load(Collection<String> usernames) {
        Map<String, Current> found = new HashMap<>();
        for (String username : usernames) {
            users.findByUsername(username).ifPresent(u -> found.put(username, new Current(u.isActive(),
                    u.roleSet().stream().map(r -> r.authority()).collect(Collectors.toSet()))));
        }
        return found;
    }
}
