package com.steadydesk.customers.internal;

import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customers entry of the top navigation; temporary agents see it too (with contacts masked). */
@Configuration(proxyBeanMethods = false)
class CustomersConfiguration {

    @Bean
    NavigationItem customersNavigation() {
        return new NavigationItem("nav.customers", "/customers", 20, "TEMP_AGENT");
    }
}
