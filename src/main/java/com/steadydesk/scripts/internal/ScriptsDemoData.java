package com.steadydesk.scripts.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the starter library (approved, Chinese and English, every default category) into an empty library. */
@Component
@Order(50)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class ScriptsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ScriptsDemoData.class);

    private final ScriptSeeder seeder;
    private final Scripts scripts;

    ScriptsDemoData(ScriptSeeder seeder, Scripts scripts) {
        this.seeder = seeder;
        this.scripts = scripts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (scripts.count() > 0) {
            return;
        }
        int n = seeder.seedStarterLibrary();
        log.info("Seeded the starter script library: {} approved scripts", n);
    }
}
