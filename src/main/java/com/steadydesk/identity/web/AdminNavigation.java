package com.steadydesk.identity.web;

import com.steadydesk.identity.AdminLink;
import com.steadydesk.identity.CurrentUser;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The admin sub-navigation the current user may see; {@code templates/identity/admin-nav.html} asks for it as
 * {@code @adminNavigation.visible()}, so only admin pages pay for it.
 */
@Component("adminNavigation")
public class AdminNavigation {

    private final List<AdminLink> links;
    private final CurrentUser currentUser;

    AdminNavigation(List<AdminLink> links, CurrentUser currentUser) {
        this.links = links.stream().sorted(Comparator.comparingInt(AdminLink::order)).toList();
        this.currentUser = currentUser;
    }

    /** The links whose roles the current user holds (directly or through the hierarchy). */
    public List<AdminLink> visible() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return List.of();
        }
        var reachable = currentUser.reachable(auth.getAuthorities());
        return links.stream()
                .filter(l -> l.roles().length == 0 || Arrays.stream(l.roles()).anyMatch(r -> reachable.contains("ROLE_" + r)))
                .toList();
    }
}
