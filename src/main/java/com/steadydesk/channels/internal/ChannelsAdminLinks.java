package com.steadydesk.channels.internal;

import com.steadydesk.identity.AdminLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channels screens in the admin sub-navigation. */
@Configuration(proxyBeanMethods = false)
class ChannelsAdminLinks {

    @Bean
    AdminLink mailboxesAdminLink() {
        return new AdminLink("mailboxes", "channels.admin.mailboxes", "/admin/mailboxes", 30, "ADMIN");
    }

    @Bean
    AdminLink quarantineAdminLink() {
        return new AdminLink("quarantine", "channels.admin.quarantine", "/admin/quarantine", 40, "ADMIN");
    }
}
