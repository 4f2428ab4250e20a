package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the embedded PostgreSQL on a data directory as it is found after earlier runs: one left running by a killed
 * SteadyDesk, one made by another PostgreSQL major.
 */
class EmbeddedDatabaseRestartTests {

    @TempDir
    Path data;

    /** A failed test must not leave a PostgreSQL running on its directory (the fixed code stops it on success). */
    @AfterEach
    void stopAnyServerLeftOnTheDirectory() throws IOException {
        var left = new EmbeddedDataDirectory(data.resolve("postgres")).runningPostmaster();
        if (left.isPresent()) {
            left.get().destroy();
            left.get().onExit().join();
        }
    }

    @Test
    void startsAgainAfterTheApplicationWasKilledWhileItsServerRan() throws Exception {
        Path dir = data.resolve("postgres");
        Process holder = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                ServerHolder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        long postmasterPid;
        try {
            postmasterPid = awaitReady(holder);
        } finally {
            holder.destroyForcibly();
        }
        assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // the situation of the bug: the JVM is gone, its PostgreSQL lives on and holds the directory
        assertThat(new EmbeddedDataDirectory(dir).runningPostmaster()).hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(postmasterPid));

        EmbeddedDatabase server = EmbeddedDatabase.lease(dir.toString());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("steadydesk", false), server.username(), server.password());
                ResultSet rs = c.createStatement().executeQuery("select count(*) from kept")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the data the killed run wrote").isEqualTo(1);
        } finally {
            server.release();
        }
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void refusesADataDirectoryOfAnotherPostgresMajorAndSaysWhatToDo() throws IOException {
        Path dir = Files.createDirectories(data.resolve("postgres"));
        Files.writeString(dir.resolve("PG_VERSION"), "14\n");
        Files.writeString(dir.resolve("postgresql.conf"), "");

        assertThatThrownBy(() -> EmbeddedDatabase.lease(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 14")
                .hasMessageContaining("PostgreSQL " + EmbeddedDatabase.SERVER_MAJOR)
                .hasMessageContaining("pg_dump")
                .hasMessageContaining("delete " + data);
        assertThat(Files.readString(dir.resolve("PG_VERSION"))).as("the old data is left alone").isEqualTo("14\n");
    }

    @Test
    void bundledServerIsTheMajorTheStartCheckExpects() throws SQLException {
        EmbeddedDatabase server = EmbeddedDatabase.lease("");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("version", false), server.username(), server.password());
                ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            assertThat(Integer.parseInt(rs.getString(1)) / 10000).isEqualTo(EmbeddedDatabase.SERVER_MAJOR);
        } finally {
            server.release();
        }
    }

    @Test
    void keepsTheGeneratedPasswordsReadableByTheirOwnerOnly() throws IOException {
        Path dir = data.resolve("postgres");
        new EmbeddedDataDirectory(dir).passwords();
        for (String name : List.of(EmbeddedDataDirectory.SUPERUSER_PASSWORD_FILE, EmbeddedDataDirectory.APPLICATION_PASSWORD_FILE)) {
            assertThat(Files.getPosixFilePermissions(data.resolve(name)))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    /** Reads the holder's output until it reports its server, answering the postmaster's pid. */
    private static long awaitReady(Process holder) throws IOException {
        var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(ServerHolder.READY)) {
                return Long.parseLong(line.substring(ServerHolder.READY.length()).strip());
            }
        }
        throw new IllegalStateException("The server holder ended before its server was ready (exit " + holder.onExit().join().exitValue() + ")");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A stand-in for a running SteadyDesk: starts the embedded server on a directory, writes a row and waits to be killed. */
    static final class ServerHolder {

        static final String READY = "SERVER-READY ";

        public static void main(String[] args) throws Exception {
            EmbeddedDatabase server = EmbeddedDatabase.lease(args[0]);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("steadydesk", false), server.username(), server.password())) {
                c.createStatement().execute("create table kept (id int)");
                c.createStatement().execute("insert into kept values (1)");
            }
            long postmaster = new EmbeddedDataDirectory(Path.of(args[0])).runningPostmaster().orElseThrow().pid();
            System.out.println(READY + postmaster);
            System.out.flush();
            // until killed (or until the test's end closes the pipe)
            System.in.read();
        }
    }
}
