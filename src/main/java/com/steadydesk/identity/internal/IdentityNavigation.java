package com.steadydesk.identity.internal;

import com.steadydesk.identity.AdminLink;
import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin area in the top navigation, and identity's own entries of the admin sub-navigation. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationItem adminNavigationItem() {
        return new NavigationItem("nav.admin", "/admin", 90, "SUPERVISOR");
    }

    @Bean
    AdminLink usersAdminLink() {
        return new AdminLink("users", "admin.nav.users", "/admin/users", 10, "ADMIN");
    }

    @Bean
    AdminLink auditAdminLink() {
        return new AdminLink("audit", "admin.nav.audit", "/admin/audit", 20, "SUPERVISOR");
    }
}
