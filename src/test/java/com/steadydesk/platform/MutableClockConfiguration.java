package com.steadydesk.platform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's {@link java.time.Clock} with a {@link MutableClock}:
 * {@code @Import(MutableClockConfiguration.class)} on a {@code @SpringBootTest}, then inject {@code MutableClock}.
 * Reset it after each test ({@code clock.reset()}) when the context is shared.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
