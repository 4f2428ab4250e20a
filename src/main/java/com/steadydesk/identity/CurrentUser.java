package com.steadydesk.identity;

import com.steadydesk.identity.internal.User;
import com.steadydesk.identity.internal.Users;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The person behind the current request, with role checks that honour the role hierarchy. */
@Component
public class CurrentUser {

    private final RoleHierarchy hierarchy;
    private final Users users;

    CurrentUser(RoleHierarchy hierarchy, Users users) {
        this.hierarchy = hierarchy;
        this.users = users;
    }

    /** The login name, or {@code "system"} outside a request (schedulers, listeners). */
    public String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? "system" : auth.getName();
    }

    public Optional<UserSummary> summary() {
        return users.findByUsername(username()).map(User::summary);
    }

    public Optional<UserId> id() {
        return summary().map(UserSummary::id);
    }

    /** True when the current user holds the role directly or through the hierarchy. */
    public boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && reachable(auth.getAuthorities()).contains(role.authority());
    }

    /** Roles reachable from the given authorities. */
    public Set<String> reachable(Collection<? extends GrantedAuthority> authorities) {
        return hierarchy.getReachableGrantedAuthorities(authorities).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
