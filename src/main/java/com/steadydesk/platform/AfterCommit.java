package com.steadydesk.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs node-local, in-memory work (SSE pushes, ending sessions) once the current transaction has committed, or at once
 * outside a transaction.
 * <p>
 * Why not {@code @TransactionalEventListener}: Spring Modulith records every transactional listener in the event
 * publication registry and marks it completed in a new transaction from the after-completion callback, while the
 * request still holds its own connection. Under load every request then waits for a second connection and the pool
 * deadlocks. Work that has nothing to replay after a crash does not belong in the registry.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
