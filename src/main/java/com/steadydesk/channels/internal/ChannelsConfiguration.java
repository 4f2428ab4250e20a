package com.steadydesk.channels.internal;

import org.springframework.beans.factory.annotation.Value;
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

    /** Seals the mailboxes' passwords; the key's source is explained in {@link SecretBoxKey}. */
    @Bean
    SecretBox secretBox(@Value("${steadydesk.secrets.key:}") String key,
            @Value("${steadydesk.embedded-db.data-directory:}") String dataDirectory,
            @Value("${spring.datasource.url:}") String datasourceUrl) {
        return SecretBoxKey.load(key, dataDirectory, !datasourceUrl.isBlank());
    }
}
