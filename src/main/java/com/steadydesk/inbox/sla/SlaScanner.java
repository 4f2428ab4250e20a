package com.steadydesk.inbox.sla;

import com.steadydesk.inbox.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves tickets to AT_RISK and BREACHED as time passes. Runs every 10 s on whichever node gets the PostgreSQL
 * advisory lock; time comes from the injected {@link Clock}, so tests move it instead of sleeping.
 */
@Component
class SlaScanner {

    private static final Logger log = LoggerFactory.getLogger(SlaScanner.class);
    /** Advisory lock key: "SLASCAN" in ASCII. */
    private static final long LOCK_KEY = 0x534C415343414EL;
    private static final int BATCH = 200;
    private static final int MAX_BATCHES_PER_RUN = 500;

    private final SlaClocks clocks;
    private final SlaEngine engine;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaScanner(SlaClocks clocks, SlaEngine engine, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.clocks = clocks;
        this.engine = engine;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steadydesk.sla.scan-interval-ms:10000}", initialDelayString = "${steadydesk.sla.scan-interval-ms:10000}")
    void scheduledScan() {
        try {
            scan(false);
        } catch (RuntimeException e) {
            log.warn("SLA scan failed; the next run retries", e);
        }
    }

    /**
     * Checks every ticket whose state is due to change by now. {@code waitForLock}: wait for another node's scan to
     * finish (the scan "now" button, tests) instead of leaving the work to it (the schedule).
     *
     * @return how many tickets were checked
     */
    int scan(boolean waitForLock) {
        int checked = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Integer n = transactions.execute(status -> {
                if (!lock(waitForLock)) {
                    return -1;
                }
                Instant now = Instant.now(clock);
                List<TicketId> due = clocks.dueForCheck(now, BATCH);
                due.forEach(id -> engine.tick(id, now));
                return due.size();
            });
            if (n == null || n < 0) {
                break;
            }
            checked += n;
            if (n < BATCH) {
                break;
            }
        }
        if (checked > 0) {
            log.debug("SLA scan checked {} tickets", checked);
        }
        return checked;
    }

    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) l").param(LOCK_KEY).query(Integer.class).single();
            return true;
        }
        return jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
    }
}
