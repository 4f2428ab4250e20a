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
    AdminLink outboxAdminLink() {
        return new AdminLink("outbox", "channels.admin.outbox", "/admin/outbox", 45, "SUPERVISOR");
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
    AdminLink demoMailAdminLink() {
        return new AdminLink("demo-mail", "channels.admin.demoMail", "/admin/demo-mail", 46, "ADMIN");
    }

    @Bean
    AdminLink quarantineAdminLink() {
        return new AdminLink("quarantine", "channels.admin.quarantine", "/admin/quarantine", 40, "ADMIN");
    }
}
