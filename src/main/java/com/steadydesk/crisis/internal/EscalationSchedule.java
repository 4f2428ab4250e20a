package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.ReportingChain;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates unacknowledged crisis reports every half minute, by the injected clock. An advisory lock makes one node
 * do it at a time when several run.
 */
@Component
class EscalationSchedule {

    /** Key of the advisory lock; unique within SteadyDesk's locks (platform uses 0x5D_0001). */
    private static final long LOCK_KEY = 0x5D_0700L;

    private final ReportingChain chain;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    EscalationSchedule(ReportingChain chain, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${steadydesk.crisis.escalation-every:PT30S}")
    void escalate() {
        tx.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
                chain.escalateOverdue(Instant.now(clock));
            }
        });
    }
}
