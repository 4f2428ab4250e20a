package com.steadydesk.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation the current user may see into every page's model, and sends "/" to the first of it. */
@ControllerAdvice(annotations = Controller.class)
@Controller
class Navigation {

    private final List<NavigationItem> items;
    private final RoleHierarchy hierarchy;

    Navigation(List<NavigationItem> items, RoleHierarchy hierarchy) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.hierarchy = hierarchy;
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        var reachable = hierarchy.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).toList();
        return items.stream()
                .filter(i -> i.roles().length == 0 || Arrays.stream(i.roles()).anyMatch(r -> reachable.contains("ROLE_" + r)))
                .toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @GetMapping("/")
    String home() {
        List<NavigationItem> visible = navigation();
        return visible.isEmpty() ? "redirect:/account" : "redirect:" + visible.get(0).path();
    }
}
