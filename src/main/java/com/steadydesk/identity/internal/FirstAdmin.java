package com.steadydesk.identity.internal;

import com.steadydesk.identity.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database, creates the first admin, {@code admin}, with the password from
 * {@code STEADYDESK_ADMIN_PASSWORD} or a generated one, and prints where to log in once the application is ready:
 * after every other runner (the demo data) has finished, so that whoever follows the line finds a filled inbox.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Users users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String configuredPassword;
    private final String baseUrl;
    /** What to print when the application is ready; set by {@link #run}. */
    private volatile Runnable readyLine = () -> { };

    FirstAdmin(Users users, PasswordEncoder passwords, Clock clock,
            @Value("${steadydesk.admin-password:}") String configuredPassword,
            @Value("${steadydesk.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
        this.baseUrl = baseUrl;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.findByUsername("admin").isPresent()) {
            readyLine = () -> log.info("\n\n  SteadyDesk (稳客服) is running: {}\n  Log in as admin with the password printed at first start"
                    + " (or set by STEADYDESK_ADMIN_PASSWORD).\n", baseUrl);
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        users.save(User.create("admin", "管理员 Admin", null, passwords.encode(password), Set.of(Role.ADMIN), Instant.now(clock)));
        String banner = "\n\n  ==========================================================\n"
                + "  SteadyDesk (稳客服) is running: " + baseUrl + "\n"
                + "  First admin:  admin / " + (generated ? password + "   (generated; change it after logging in)" : "(from STEADYDESK_ADMIN_PASSWORD)") + "\n"
                + "  ==========================================================\n";
        readyLine = () -> System.out.println(banner);
        log.info("First admin 'admin' created");
    }

    /** Spring Boot signals readiness after all runners; last among the ready listeners, so the line ends the start-up. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void printReadyLine() {
        readyLine.run();
    }

    private static String generate() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
