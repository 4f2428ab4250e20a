package com.steadydesk.inbox.internal;

import com.steadydesk.identity.Role;
import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbox's entry in the top navigation. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    NavigationItem inboxNavigation() {
        return new NavigationItem("nav.inbox", "/inbox", 10, Role.TEMP_AGENT.name());
    }
}
