package com.steadydesk.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the event publication registry healthy: publications whose listener failed (or whose node died) are
 * resubmitted after a grace period, and the archive of completed ones is pruned. A PostgreSQL advisory lock makes
 * one node do it at a time.
 */
@Component
class EventPublicationHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationHousekeeping.class);
    /** Arbitrary constant key of the advisory lock; unique within SteadyDesk's locks. */
    private static final long LOCK_KEY = 0x5D_0001L;

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    EventPublicationHousekeeping(IncompleteEventPublications incomplete, JdbcClient jdbc, TransactionTemplate tx) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${steadydesk.events.resubmit-every:PT1M}")
    void resubmitStalePublications() {
        tx.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
                incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
            }
        });
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT6H")
    void pruneArchive() {
        int removed = jdbc.sql("delete from event_publication_archive where completion_date < now() - interval '30 days'").update();
        if (removed > 0) {
            log.info("Pruned {} archived event publications older than 30 days", removed);
        }
    }
}
