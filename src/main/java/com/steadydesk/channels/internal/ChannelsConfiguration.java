package com.steadydesk.channels.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the channels module's settings and its pure parts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelsProperties.class)
class ChannelsConfiguration {

    @Bean
    InboundMailParser inboundMailParser() {
        return new InboundMailParser();
    }
}
