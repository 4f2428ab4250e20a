package com.steadydesk.channels.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL session advisory locks, so that one node at a time polls a mailbox or sends the queue. A session lock
 * on a connection of its own (rather than a transaction lock) because the work in between commits many short
 * transactions and talks to mail servers; if the node dies, PostgreSQL releases the lock with the connection.
 */
@Component
public class AdvisoryLocks {

    /** Lock namespaces (the first key of PostgreSQL's two-key advisory locks). */
    public static final int MAILBOX_POLL = 3001;
    public static final int OUTBOUND_SEND = 3002;

    private static final Logger log = LoggerFactory.getLogger(AdvisoryLocks.class);

    private final DataSource dataSource;

    AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work if the lock is free and answers true; answers false at once when another node holds it. */
    public boolean runExclusively(int namespace, long key, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?, ?)", namespace, key)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                try {
                    call(connection, "select pg_advisory_unlock(?, ?)", namespace, key);
                } catch (SQLException e) {
                    log.warn("Could not release advisory lock {}/{}; it goes with the connection", namespace, key, e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock " + namespace + "/" + key + " unavailable", e);
        }
    }

    /**
     * Runs the work under the lock, waiting up to {@code wait} for another node (or the scheduler) to finish first.
     * Answers false only when the lock stayed taken for the whole wait.
     */
    public boolean runWhenFree(int namespace, long key, java.time.Duration wait, Runnable work) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!runExclusively(namespace, key, work)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean call(Connection connection, String sql, int namespace, long key) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, namespace);
            statement.setInt(2, (int) key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
