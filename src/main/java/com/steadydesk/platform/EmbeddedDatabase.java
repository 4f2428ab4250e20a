package com.steadydesk.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process PostgreSQL server used when no external database is configured.
 * One server per data directory and JVM: test contexts share it, each with a database of its own,
 * so a suite pays the start-up once.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<String, EmbeddedPostgres> servers = new ConcurrentHashMap<>();
    private static final Map<EmbeddedPostgres, AtomicInteger> leases = new ConcurrentHashMap<>();
    private static final AtomicInteger freshDatabases = new AtomicInteger();

    private EmbeddedDatabase() {
    }

    /**
     * Starts (or reuses) the server on {@code dataDirectory}, or on a throw-away directory when it is blank, and takes
     * a lease on it. The server stops when the last lease is released: after the Spring contexts using it have
     * closed, not in a JVM shutdown hook racing them (the event registry still reads the database while closing).
     */
    public static synchronized EmbeddedPostgres lease(String dataDirectory) {
        String key = dataDirectory == null || dataDirectory.isBlank() ? "<temporary>" : dataDirectory;
        EmbeddedPostgres server = servers.computeIfAbsent(key, k -> start(dataDirectory));
        leases.computeIfAbsent(server, s -> new AtomicInteger()).incrementAndGet();
        return server;
    }

    /** Gives a lease back; the last one stops the server. */
    public static synchronized void release(EmbeddedPostgres server) {
        AtomicInteger count = leases.get(server);
        if (count != null && count.decrementAndGet() == 0) {
            leases.remove(server);
            servers.values().remove(server);
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /** Creates the database if it does not exist yet and answers its JDBC URL. */
    public static String jdbcUrl(EmbeddedPostgres server, String database, boolean fresh) {
        String name = fresh ? database + "_" + ProcessHandle.current().pid() + "_" + freshDatabases.incrementAndGet() : database;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name.replace("'", "") + "'")) {
                if (!rs.next()) {
                    s.execute("create database \"" + name + "\" encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create embedded database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres start(String dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null || dataDirectory.isBlank() ? "off" : "on")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Path dir = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL started on port {} (data: {})", pg.getPort(),
                    dataDirectory == null || dataDirectory.isBlank() ? "temporary" : dataDirectory);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }
}
