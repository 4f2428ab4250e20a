package com.steadydesk.crisis.internal;

import com.steadydesk.identity.AdminLink;
import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The crisis entry of the top navigation (every agent may report) and the crisis admin screen. */
@Configuration(proxyBeanMethods = false)
class CrisisConfiguration {

    @Bean
    NavigationItem crisisNavigationItem() {
        return new NavigationItem("nav.crisis", "/crisis", 40, "TEMP_AGENT", "CRISIS_LEAD");
    }

    @Bean
    AdminLink crisisAdminLink() {
        return new AdminLink("crisis", "admin.nav.crisis", "/admin/crisis", 60, "ADMIN");
    }
}
