package com.steadydesk.scripts.internal;

import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The library's entry in the top navigation: every agent, temporary ones included, needs it. */
@Configuration(proxyBeanMethods = false)
class ScriptsConfiguration {

    @Bean
    NavigationItem scriptsNavigation() {
        return new NavigationItem("nav.scripts", "/scripts", 30, "TEMP_AGENT");
    }
}
