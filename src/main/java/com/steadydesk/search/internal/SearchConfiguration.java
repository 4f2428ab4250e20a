package com.steadydesk.search.internal;

import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent search page in the top navigation, for everyone who answers customers. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    NavigationItem searchNavigation() {
        return new NavigationItem("nav.search", "/search", 80, "TEMP_AGENT");
    }
}
