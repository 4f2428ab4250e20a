package com.steadydesk.inbox.sla;

import com.steadydesk.identity.AdminLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA screens in the admin sub-navigation; supervisors tune policies and calendars. */
@Configuration(proxyBeanMethods = false)
class SlaAdminLinks {

    @Bean
    AdminLink slaPoliciesAdminLink() {
        return new AdminLink("sla", "sla.admin.nav", "/admin/sla", 50, "SUPERVISOR");
    }
}
