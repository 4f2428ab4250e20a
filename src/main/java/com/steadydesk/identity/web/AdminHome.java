package com.steadydesk.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** "/admin" opens the first admin screen the current user may see (admins: users; supervisors: SLA or audit log). */
@Controller
class AdminHome {

    private final AdminNavigation navigation;

    AdminHome(AdminNavigation navigation) {
        this.navigation = navigation;
    }

    @GetMapping("/admin")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String home() {
        var visible = navigation.visible();
        return visible.isEmpty() ? "redirect:/" : "redirect:" + visible.get(0).path();
    }
}
