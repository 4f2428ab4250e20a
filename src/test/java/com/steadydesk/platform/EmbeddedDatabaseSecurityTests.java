package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL lets in only who knows a password, only from this machine, and the application runs as a
 * role that owns its schema but is no superuser.
 */
@SpringBootTest
class EmbeddedDatabaseSecurityTests {

    static EmbeddedDatabase server;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void leaseTheServer() {
        // the same JVM-wide server the application contexts use
        server = EmbeddedDatabase.lease("");
    }

    @AfterAll
    static void releaseTheServer() {
        server.release();
    }

    @Test
    void applicationConnectsAsItsOwnRoleWhichIsNoSuperuser() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(EmbeddedDatabase.APPLICATION_ROLE);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select rolcreaterole or rolcreatedb from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
    }

    @Test
    void applicationRoleOwnsItsSchemaAsFlywayMadeIt() {
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'flyway_schema_history'").query(String.class).single())
                .isEqualTo(EmbeddedDatabase.APPLICATION_ROLE);
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> current_user").query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesAConnectionWithoutPassword() {
        String url = server.jdbcUrl("security", false);
        assertThatThrownBy(() -> connect(url, EmbeddedDatabase.APPLICATION_ROLE, null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(url, EmbeddedDatabase.SUPERUSER, null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    @Test
    void refusesAConnectionWithAWrongPassword() throws SQLException {
        String url = server.jdbcUrl("security", false);
        assertThatThrownBy(() -> connect(url, EmbeddedDatabase.APPLICATION_ROLE, server.password() + "x"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        // the superuser's password is not the application's
        assertThatThrownBy(() -> connect(url, EmbeddedDatabase.SUPERUSER, server.password()))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        try (Connection c = connect(url, server.username(), server.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void listensOnTheLoopbackAddressOnly() throws IOException {
        assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
        Optional<InetAddress> outward = outwardAddress();
        if (outward.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outward.get(), server.port()), 2000))
                        .isInstanceOf(IOException.class);
            }
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.port()), 2000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** An address of this machine other than loopback, when it has one (a container may have none). */
    private static Optional<InetAddress> outwardAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(n -> {
                    try {
                        return n.isUp() && !n.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }
}
