package com.steadydesk.platform;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One injectable clock so that SLA timers, escalations and expiries are driven by tests, not by sleeping. It ticks in
 * microseconds, PostgreSQL's precision, so that an answer built from what was just written (ticket intake answers
 * without reading back) shows the same instants a later read does.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
