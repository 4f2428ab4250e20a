package com.steadydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** SteadyDesk (稳客服): one deployable modular monolith; each top-level package is an application module. */
@SpringBootApplication
@Modulithic(systemName = "SteadyDesk", sharedModules = "platform")
@EnableAsync
@EnableScheduling
public class SteadyDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(SteadyDeskApplication.class, args);
    }
}
