package com.steadydesk.channels.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals mailbox passwords still stored as plain text from before they were sealed (decision 0007). A
 * Flyway migration cannot do it: the key is not the database's. Safe to run on every start and on several nodes at once.
 */
@Component
@Order(5)
class LegacyMailboxPasswords implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyMailboxPasswords.class);

    private final Mailboxes mailboxes;
    private final SecretBox secrets;

    LegacyMailboxPasswords(Mailboxes mailboxes, SecretBox secrets) {
        this.mailboxes = mailboxes;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        sealAll();
    }

    /** Answers how many values it sealed. */
    int sealAll() {
        int sealed = 0;
        for (Mailboxes.StoredPassword plain : mailboxes.plainPasswords()) {
            if (mailboxes.replacePassword(plain, secrets.seal(plain.value()))) {
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} mailbox password(s) that were stored as plain text", sealed);
        }
        return sealed;
    }
}
